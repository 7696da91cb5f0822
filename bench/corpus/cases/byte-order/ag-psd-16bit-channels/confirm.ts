import { expect } from '../../../support/check.js';
import type * as Impl from './fixed.js';

export default function confirm({ writeChannel }: typeof Impl): void {
  // Two pixels of a Photoshop-exported 16-bit RGB file's red channel: 0x53EA and 0x6F70.
  const red = new Uint8Array([0x53, 0xea, 0x6f, 0x70]);
  const pixels = new Uint8ClampedArray(2 * 4);
  writeChannel(pixels, 0, red, 16);
  expect(pixels[0] === 0x53 && pixels[4] === 0x6f, `red came out as ${pixels[0]} and ${pixels[4]}, want 83 and 111: the samples were read byte-swapped`);
}
