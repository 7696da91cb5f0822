import { expect } from '../../../support/check.js';
import { createModule } from '../../../support/emscripten.js';
import type * as Impl from './fixed.js';

export default function confirm({ heapViewHelpers }: typeof Impl): void {
  const Module = createModule();
  const { GROWABLE_HEAP_VIEW_I32 } = heapViewHelpers(Module);

  // The reporter's EM_ASM call: the int at byte address 4.
  try {
    GROWABLE_HEAP_VIEW_I32(4, 8);
  } catch (error) {
    throw new Error(`GROWABLE_HEAP_VIEW_I32(4, 8) threw: ${String(error)}`);
  }

  // Ints the compiled code stored in a malloc'd block, read back through the helper.
  const ptr = Module._malloc(16);
  Module.HEAP32.set([11, -22, 33, -44], ptr >> 2);
  const ints = GROWABLE_HEAP_VIEW_I32(ptr, ptr + 16);
  expect(Array.from(ints).join() === '11,-22,33,-44', `the view of [${ptr}, ${ptr + 16}) holds ${Array.from(ints).join()}`);
}
