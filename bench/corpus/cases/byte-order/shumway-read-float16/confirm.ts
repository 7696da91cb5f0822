import { expect } from '../../../support/check.js';
import type * as Impl from './fixed.js';

export default function confirm({ Stream }: typeof Impl): void {
  // A DefineFontAlignZones record's zone data: two FLOAT16 values, 1.5 (0x3E00) and 0.25
  // (0x3400), stored little-endian like every other SWF number.
  const stream = new Stream(new Uint8Array([0x00, 0x3e, 0x00, 0x34]));
  const a = stream.readFloat16();
  const b = stream.readFloat16();
  expect(a === 1.5 && b === 0.25, `the alignment zone values read as ${a} and ${b}, want 1.5 and 0.25`);
}
