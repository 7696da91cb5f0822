import { expect, sameBytes } from '../../support/check.js';
import { createModule } from '../../support/emscripten.js';
import type * as Impl from './correct.js';

export default function confirm({ decodeField }: typeof Impl): void {
  const Module = createModule();
  const count = 40_000; // 160 KB of output: the decoder's allocation grows the heap
  const input = new Float32Array(count).map((_, i) => i * 0.5);
  const bytes = new Uint8Array(input.buffer);
  const heapBefore = Module.HEAPU8.buffer;
  const field = decodeField(Module, bytes, count);
  expect(Module.HEAPU8.buffer !== heapBefore, 'the heap did not grow: the check proves nothing');
  const expected = new Uint8Array(bytes).reverse();
  expect(sameBytes(new Uint8Array(field.buffer, field.byteOffset, field.byteLength), expected), 'decodeField returned the wrong floats');
}
