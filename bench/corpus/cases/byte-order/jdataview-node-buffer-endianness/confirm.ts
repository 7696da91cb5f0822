import { expect } from '../../../support/check.js';
import type * as Impl from './fixed.js';

export default function confirm({ JDataView }: typeof Impl): void {
  // A big-endian view (the default) over a file read with fs, and one field of it that the format
  // stores little-endian, asked for with the per-call flag.
  const bytes = Buffer.from([0x00, 0x00, 0x01, 0x00, 0x78, 0x56, 0x34, 0x12]);
  const overArrayBuffer = new JDataView(bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + 8) as ArrayBuffer);
  expect(overArrayBuffer.getUint32(4, true) === 0x12345678, 'the ArrayBuffer path is wrong');
  const overNodeBuffer = new JDataView(bytes);
  expect(overNodeBuffer.getUint32(0) === 256, 'the default byte order is wrong');
  const value = overNodeBuffer.getUint32(4, true);
  expect(value === 0x12345678, `getUint32(4, true) over a Node Buffer read 0x${value.toString(16)}: the little-endian argument was ignored`);
}
