import { expect } from '../../../support/check.js';
import { countCopies } from '../../../support/copies.js';
import type * as Impl from './fixed.js';

function klv(fourCC: string, type: number, size: number, repeat: number, payload: Uint8Array): Uint8Array {
  const padded = Math.ceil(payload.length / 4) * 4;
  const out = new Uint8Array(8 + padded);
  for (let i = 0; i < 4; i++) out[i] = fourCC.charCodeAt(i);
  out.set([type, size, repeat >> 8, repeat & 0xff], 4);
  out.set(payload, 8);
  return out;
}

function join(parts: Uint8Array[]): Uint8Array {
  const out = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
  let offset = 0;
  for (const part of parts) {
    out.set(part, offset);
    offset += part.length;
  }
  return out;
}

export default async function confirm({ parseKLV }: typeof Impl): Promise<void> {
  // A DEVC container of 300 STRM streams, each holding one accelerometer sample (3 x int16, BE).
  // In the browser the file arrives as a Uint8Array, whose slice() copies (a Buffer's would not).
  const streams = Array.from({ length: 300 }, (_, i) => {
    const sample = new Uint8Array(6);
    new DataView(sample.buffer).setInt16(0, i);
    new DataView(sample.buffer).setInt16(2, -i);
    new DataView(sample.buffer).setInt16(4, 2 * i);
    return klv('STRM', 0, 1, 16, klv('ACCL', 's'.charCodeAt(0), 6, 1, sample));
  });
  const inner = join(streams);
  const file = klv('DEVC', 0, 4, inner.length / 4, inner);

  let entries: Impl.KlvEntry[] = [];
  const copies = await countCopies(() => {
    entries = parseKLV(file);
  });
  const accl = entries[0]?.children?.[150]?.children?.[0];
  expect(accl?.fourCC === 'ACCL' && accl.values?.join() === '150,-150,300', 'the parsed sample is wrong');
  expect(copies.calls === 0, `parsing ${file.length} bytes made ${copies.calls} copies (${copies.bytes} bytes): every entry's payload is copied out, nested ones again at each level`);
}
