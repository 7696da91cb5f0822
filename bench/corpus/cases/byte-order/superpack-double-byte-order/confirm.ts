import { expect } from '../../../support/check.js';
import type * as Impl from './fixed.js';

export default function confirm({ encodeDouble, decodeDouble, DOUBLE_TAG }: typeof Impl): void {
  // 1.5 is 0x3FF8000000000000; the spec puts its most significant byte first.
  const encoded = encodeDouble(1.5);
  expect(
    Array.from(encoded.subarray(1)).join() === '63,248,0,0,0,0,0,0',
    `1.5 is encoded as ${Array.from(encoded.subarray(1)).join()}: not the spec's big-endian double, so other implementations decode another number`,
  );
  // A double encoded by another implementation of the spec (the Java one, say).
  const fromSpec = new Uint8Array([DOUBLE_TAG, 0xc0, 0x09, 0x21, 0xfb, 0x54, 0x44, 0x2d, 0x18]);
  const value = decodeDouble(fromSpec, 0);
  expect(value === -3.141592653589793, `-pi from a conforming encoder decodes as ${value}`);
}
