import { expect } from '../../support/check.js';
import { createModule } from '../../support/emscripten.js';
import { placeAbove2GiB } from '../../support/heap.js';
import type * as Impl from './correct.js';

// Above 2 GiB the heap hands out addresses whose i32 sign bit is set: they reach JavaScript
// negative, and a view made at one throws or counts from the end of memory.
export default function latent({ mirrorText }: typeof Impl): void {
  const Module = createModule();
  if (!placeAbove2GiB(Module._set_top, Module.wasmMemory)) return;
  expect(mirrorText(Module, 'abcdef') === 'fedcba', 'mirrorText returned the wrong text from blocks above 2 GiB');
}
