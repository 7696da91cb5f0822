// Normalises a batch of series in wasm memory. Every block is allocated first; the heap view is made
// after the last malloc, and from then on only sum_f64 (which allocates nothing) is called.
import type { HeapExports } from '../../support/heap.js';

export function normalizeAll(wasm: HeapExports, series: readonly Float64Array[]): Float64Array[] {
  const ptrs = series.map(values => wasm.malloc(values.length * 8));
  const heap = new Float64Array(wasm.memory.buffer);
  series.forEach((values, i) => heap.set(values, ptrs[i] >>> 3));
  const results: Float64Array[] = [];
  series.forEach((values, i) => {
    const start = ptrs[i] >>> 3;
    const total = wasm.sum_f64(ptrs[i], values.length);
    for (let j = 0; j < values.length; j++) heap[start + j] /= total;
    results.push(heap.slice(start, start + values.length));
  });
  for (const ptr of ptrs) wasm.free(ptr);
  return results;
}
