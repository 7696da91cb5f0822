// Emscripten runtime helpers for builds with pthreads and memory growth: views of [start, end)
// of the heap made from the memory's current buffer, never from one that growth replaced.
import type { EmscriptenModule } from '../../../support/emscripten.js';

export function heapViewHelpers(Module: EmscriptenModule) {
  return {
    GROWABLE_HEAP_VIEW_U8(start: number, end: number): Uint8Array {
      return new Uint8Array(Module.wasmMemory.buffer, start, end - start);
    },
    GROWABLE_HEAP_VIEW_I32(start: number, end: number): Int32Array {
      return new Int32Array(Module.wasmMemory.buffer, start >> 2, (end - start) >> 2); // BUG
    },
  };
}
