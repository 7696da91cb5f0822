import { expect, sameBytes } from '../../support/check.js';
import { createModule } from '../../support/emscripten.js';
import { placeAbove2GiB } from '../../support/heap.js';
import type * as Impl from './correct.js';

// Above 2 GiB the heap hands out addresses whose i32 sign bit is set: they reach JavaScript
// negative, and a view made at one throws or counts from the end of memory.
export default function latent({ decodeField }: typeof Impl): void {
  const Module = createModule();
  if (!placeAbove2GiB(Module._set_top, Module.wasmMemory)) return;
  const bytes = new Uint8Array(new Float32Array(16).map((_, i) => i * 0.5).buffer);
  const field = decodeField(Module, bytes, 16);
  expect(sameBytes(new Uint8Array(field.buffer, field.byteOffset, field.byteLength), bytes.slice().reverse()), 'decodeField returned the wrong floats from blocks above 2 GiB');
}
