// A text codec backed by the WebAssembly heap in ../wasm/heap.wat, whose `malloc` grows linear
// memory when a request does not fit.
import { readFileSync } from 'node:fs';

export interface HeapExports {
  memory: WebAssembly.Memory;
  malloc(size: number): number;
  /** @memsafe pure */
  sum_f64(ptr: number, n: number): number;
}

export async function loadHeap(): Promise<HeapExports> {
  const bytes = readFileSync(new URL('../dist/wasm/heap.wasm', import.meta.url));
  const { instance } = await WebAssembly.instantiate(bytes);
  return instance.exports as unknown as HeapExports;
}

/** Copies UTF-8 text into wasm memory. Bug: the view is taken before malloc, which may grow memory. */
export function encodeString(wasm: HeapExports, text: string): number {
  const bytes = new TextEncoder().encode(text);
  const heap = new Uint8Array(wasm.memory.buffer);
  const ptr = wasm.malloc(bytes.length);
  heap.set(bytes, ptr);
  return ptr;
}

/** The same, correctly: allocate first (an unsigned pointer), then view the memory as it is now. */
export function encodeStringFixed(wasm: HeapExports, text: string): number {
  const bytes = new TextEncoder().encode(text);
  const ptr = wasm.malloc(bytes.length) >>> 0;
  new Uint8Array(wasm.memory.buffer, ptr, bytes.length).set(bytes);
  return ptr;
}

/** Sums samples in wasm memory; `sum_f64` is marked pure, so the view stays valid across it. */
export function sumSamples(wasm: HeapExports, samples: Float64Array): number {
  const ptr = wasm.malloc(samples.byteLength) >>> 0;
  const heap = new Float64Array(wasm.memory.buffer, ptr, samples.length);
  heap.set(samples);
  const total = wasm.sum_f64(ptr, samples.length);
  return total + heap[0]!;
}

/** Bug: above 2 GiB `malloc` returns a negative i32, and subarray then counts from the end. */
export function reserve(wasm: HeapExports, size: number): Uint8Array {
  const ptr = wasm.malloc(size);
  return new Uint8Array(wasm.memory.buffer).subarray(ptr, ptr + size);
}
