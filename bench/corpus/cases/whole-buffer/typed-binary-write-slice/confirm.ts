import { expect, pattern, sameBytes } from '../../../support/check.js';
import type * as Impl from './fixed.js';

export default function confirm({ BufferWriter }: typeof Impl): void {
  // The reporter's repro: a 100-byte view at offset 10 of a 2000-byte buffer.
  const someBuffer = new ArrayBuffer(2000);
  new Uint8Array(someBuffer).set(pattern(2000));
  const someView = new Uint8Array(someBuffer, 10, 100);

  const output = new ArrayBuffer(4096);
  const writer = new BufferWriter(output);
  writer.writeByte(7);
  writer.writeSlice(someView);
  writer.writeByte(9);

  expect(writer.currentByteOffset === 102, `the writer advanced to ${writer.currentByteOffset}, expected 102 (1 + 100 + 1 bytes)`);
  const written = new Uint8Array(output, 0, 102);
  expect(written[0] === 7 && written[101] === 9, 'the bytes around the slice are wrong');
  expect(sameBytes(written.subarray(1, 101), someView), 'the slice bytes in the output differ from the view');
}
