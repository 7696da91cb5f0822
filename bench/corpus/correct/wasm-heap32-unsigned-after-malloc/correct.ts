// Glue for an Emscripten build linked with MAXIMUM_MEMORY=4GB: an int array is marshalled into a
// fresh block through Module.HEAP32, indexed with unsigned shifts so addresses past 2 GiB work.
import type { EmscriptenModule } from '../../support/emscripten.js';

/** Copies `counts` into the heap; returns the block's address (as the module returned it). */
export function writeCounts(Module: EmscriptenModule, counts: readonly number[]): number {
  const ptr = Module._malloc(counts.length * 4);
  for (let i = 0; i < counts.length; i++) {
    Module.HEAP32[(ptr >>> 2) + i] = counts[i];
  }
  return ptr;
}

/** The count at `index` of a block written by writeCounts. */
export function readCount(Module: EmscriptenModule, ptr: number, index: number): number {
  return Module.HEAP32[(ptr >>> 2) + index];
}

/** Total of the counts, computed by the module over the block's bytes (each count is below 256). */
export function totalCounts(Module: EmscriptenModule, counts: readonly number[]): number {
  const ptr = writeCounts(Module, counts);
  const total = Module._sum_u8(ptr, counts.length * 4);
  Module._free(ptr);
  return total;
}
