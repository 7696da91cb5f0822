import { expect } from '../../support/check.js';
import type * as Impl from './correct.js';

function buildFont(): ArrayBuffer {
  const buffer = new ArrayBuffer(12 + 16 + 54);
  const view = new DataView(buffer);
  view.setUint32(0, 0x00010000, false);
  view.setUint16(4, 1, false);
  [0x68, 0x65, 0x61, 0x64].forEach((c, i) => view.setUint8(12 + i, c));
  view.setUint32(12 + 8, 28, false);
  view.setUint32(12 + 12, 54, false);
  const head = 28;
  view.setUint32(head, 0x00010000, false);
  view.setInt16(head + 4, 2, false);
  view.setUint16(head + 6, 32768, false);
  view.setUint32(head + 12, 0x5f0f3cf5, false);
  view.setUint16(head + 18, 2048, false);
  view.setInt16(head + 36, -1002, false);
  view.setInt16(head + 38, -600, false);
  view.setInt16(head + 40, 2500, false);
  view.setInt16(head + 42, 1900, false);
  view.setInt16(head + 50, 1, false);
  return buffer;
}

export default function confirm({ parseFont }: typeof Impl): void {
  const font = parseFont(buildFont());
  expect(font.tables.join() === 'head', `tables are ${font.tables.join()}`);
  expect(font.unitsPerEm === 2048, `unitsPerEm read as ${font.unitsPerEm}`);
  expect(font.head.xMin === -1002 && font.head.yMax === 1900 && font.head.indexToLocFormat === 1, 'head bounds are wrong');
  expect(font.head.version === 1 && font.head.fontRevision === 2.5, `versions read as ${font.head.version} / ${font.head.fontRevision}`);
}
