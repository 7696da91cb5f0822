import { expect } from '../../support/check.js';
import { createModule } from '../../support/emscripten.js';
import type * as Impl from './correct.js';

export default function confirm({ reverseBytes }: typeof Impl): void {
  const module = createModule();
  const input = new Uint8Array(70_000).map((_, i) => i % 251);
  const { bytes, checksum } = reverseBytes(module, input);
  // Whatever the allocator writes into the freed block next, the copy keeps its bytes.
  module.HEAPU8.fill(0xff);
  expect(bytes.length === input.length, 'the copy has the wrong length');
  expect(bytes.every((byte, i) => byte === input[input.length - 1 - i]), 'the copy is not the input reversed');
  expect(checksum === input.reduce((sum, byte) => sum + byte, 0), 'the checksum is wrong');
}
