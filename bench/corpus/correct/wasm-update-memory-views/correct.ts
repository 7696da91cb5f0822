// Hand-written glue for a small C statistics module: the heap views live in module variables, and the
// module calls back into the glue (its imported grow hook) whenever it enlarges memory, so the views
// are re-created before control comes back to JavaScript.
import { instantiateHeap, type HeapExports } from '../../support/heap.js';

let wasm: HeapExports;
let HEAPU8: Uint8Array;
let HEAPF64: Float64Array;

function updateMemoryViews(): void {
  const buffer = wasm.memory.buffer;
  HEAPU8 = new Uint8Array(buffer);
  HEAPF64 = new Float64Array(buffer);
}

export function load(): void {
  wasm = instantiateHeap(() => updateMemoryViews());
  updateMemoryViews();
}

export function mean(values: Float64Array): number {
  const ptr = wasm.malloc(values.length * 8);
  HEAPF64.set(values, ptr >> 3);
  const total = wasm.sum_f64(ptr, values.length);
  wasm.free(ptr);
  return total / values.length;
}

export function byteTotal(bytes: Uint8Array): number {
  const ptr = wasm.malloc(bytes.length);
  HEAPU8.set(bytes, ptr);
  const total = wasm.sum_u8(ptr, bytes.length);
  wasm.free(ptr);
  return total;
}
