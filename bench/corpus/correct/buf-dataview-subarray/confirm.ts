import { expect } from '../../support/check.js';
import type * as Impl from './correct.js';

export default function confirm({ Sia }: typeof Impl): void {
  const arena = new Uint8Array(64).fill(0xee);
  const slot = arena.subarray(16, 32);
  const sia = new Sia(slot).addUInt16(513).addUInt32(0xdeadbeef).addString8('hi');
  expect(sia.offset === 9, `wrote ${sia.offset} bytes`);
  expect(arena[15] === 0xee && arena[32] === 0xee && arena[0] === 0xee, 'bytes outside the slot were overwritten');
  expect(arena[16] === 1 && arena[17] === 2, 'the first field is not at the start of the slot');
  const reader = new Sia(slot);
  expect(reader.readUInt16() === 513 && reader.readUInt32() === 0xdeadbeef && reader.readString8() === 'hi', 'reading back the slot gave other values');
  let threw = false;
  try {
    new Sia(slot).seek(15).addUInt16(1);
  } catch {
    threw = true;
  }
  expect(threw && arena[32] === 0xee, 'a write past the end of the slot reached the next slot');
}
