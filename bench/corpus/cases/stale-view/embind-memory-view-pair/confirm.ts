import { expect } from '../../../support/check.js';
import { createModule } from '../../../support/emscripten.js';
import type * as Impl from './fixed.js';

export default function confirm({ decodeFrame }: typeof Impl): void {
  const heap = createModule();
  // The embind functions: each callocs its output and returns typed_memory_view(size, ptr).
  const Module: Impl.DecompressModule = {
    decompressZFPimage(width, height) {
      const n = width * height;
      const ptr = heap._malloc(n * 4);
      heap.HEAPF32.fill(0.5, ptr >> 2, (ptr >> 2) + n);
      return heap.HEAPF32.subarray(ptr >> 2, (ptr >> 2) + n);
    },
    decompressLZ4mask(width, height) {
      const n = width * height;
      const ptr = heap._malloc(n);
      heap.HEAPU8.fill(255, ptr, ptr + n);
      return heap.HEAPU8.subarray(ptr, ptr + n);
    },
  };
  // A 120x120 frame: the mask's calloc grows the heap.
  const rgba = decodeFrame(Module, 120, 120, new Uint8Array(0), new Uint8Array(0));
  for (let i = 0; i < 120 * 120; i++) {
    expect(rgba[4 * i] === 128 && rgba[4 * i + 3] === 255, `pixel ${i} is (${rgba[4 * i]}, alpha ${rgba[4 * i + 3]}) instead of (128, alpha 255)`);
  }
}
