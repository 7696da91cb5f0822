import { expect } from '../../support/check.js';
import type * as Impl from './correct.js';

function tiff(littleEndian: boolean): ArrayBuffer {
  const buffer = new ArrayBuffer(256);
  const view = new DataView(buffer);
  view.setUint16(0, littleEndian ? 0x4949 : 0x4d4d, false);
  view.setUint16(2, 42, littleEndian);
  view.setUint32(4, 8, littleEndian);
  const entries: [number, number, number, number | number[] | string][] = [
    [256, 3, 1, 1130],
    [257, 4, 1, 1250],
    [258, 3, 3, [8, 8, 8]],
    [273, 4, 3, [1000, 70000, 140000]],
    [278, 3, 1, 8],
    [279, 4, 3, [69000, 70000, 500]],
    [305, 2, 6, 'tests'],
  ];
  view.setUint16(8, entries.length, littleEndian);
  let extra = 8 + 2 + entries.length * 12 + 4;
  entries.forEach(([tag, type, count, value], i) => {
    const at = 10 + i * 12;
    view.setUint16(at, tag, littleEndian);
    view.setUint16(at + 2, type, littleEndian);
    view.setUint32(at + 4, count, littleEndian);
    const size = (type === 3 ? 2 : type === 4 ? 4 : 1) * count;
    let target = at + 8;
    if (size > 4) {
      view.setUint32(at + 8, extra, littleEndian);
      target = extra;
      extra += size + (size % 2);
    }
    const values = typeof value === 'string' ? [...value, '\0'].map(c => c.charCodeAt(0)) : Array.isArray(value) ? value : [value];
    values.forEach((v, k) => {
      if (type === 3) view.setUint16(target + k * 2, v, littleEndian);
      else if (type === 4) view.setUint32(target + k * 4, v, littleEndian);
      else view.setUint8(target + k, v);
    });
  });
  return buffer;
}

export default function confirm({ parseFirstIfd, TAGS }: typeof Impl): void {
  for (const littleEndian of [true, false]) {
    const name = littleEndian ? 'II' : 'MM';
    const { littleEndian: detected, fields } = parseFirstIfd(tiff(littleEndian));
    expect(detected === littleEndian, `${name}: byte order detected wrongly`);
    expect(fields.get(TAGS.ImageWidth) === 1130 && fields.get(TAGS.ImageLength) === 1250, `${name}: image size read wrongly`);
    expect(JSON.stringify(fields.get(TAGS.BitsPerSample)) === '[8,8,8]', `${name}: BitsPerSample read as ${JSON.stringify(fields.get(TAGS.BitsPerSample))}`);
    expect(JSON.stringify(fields.get(TAGS.StripOffsets)) === '[1000,70000,140000]', `${name}: StripOffsets read as ${JSON.stringify(fields.get(TAGS.StripOffsets))}`);
    expect(JSON.stringify(fields.get(TAGS.StripByteCounts)) === '[69000,70000,500]', `${name}: StripByteCounts read wrongly`);
    expect(fields.get(TAGS.Software) === 'tests' && fields.get(TAGS.RowsPerStrip) === 8, `${name}: other fields read wrongly`);
  }
}
