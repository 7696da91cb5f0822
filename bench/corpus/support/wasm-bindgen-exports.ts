import type { HeapExports } from './heap.js';

/**
 * The raw exports of a Rust crate built with wasm-bindgen, as its generated glue sees them, standing
 * on the heap module: the allocator entry points wasm-bindgen exports, and two crate functions.
 * Functions returning a Vec/String return [ptr, len] (multi-value); pointers come back as the signed
 * i32 numbers a wasm export returns, so above 2 GiB they are negative.
 */
export interface BindgenExports {
  readonly memory: WebAssembly.Memory;
  __wbindgen_malloc(size: number, align: number): number;
  __wbindgen_realloc(ptr: number, oldSize: number, newSize: number, align: number): number;
  __wbindgen_free(ptr: number, size: number, align: number): void;
  /** `pub fn reverse_bytes(data: &[u8]) -> Vec<u8>` (also used for `String -> String`). */
  reverse_bytes(ptr: number, len: number): [number, number];
  /** `pub fn total(values: &[f64]) -> f64` */
  total(ptr: number, len: number): number;
  /** Support only: the next allocation starts at `addr` (see HeapExports.set_top). */
  set_top(addr: number): void;
}

export function bindgenExports(heap: HeapExports): BindgenExports {
  return {
    memory: heap.memory,
    __wbindgen_malloc: size => heap.malloc(size),
    __wbindgen_realloc: (ptr, oldSize, newSize) => heap.realloc(ptr, Math.min(oldSize, newSize), newSize),
    __wbindgen_free: ptr => heap.free(ptr),
    reverse_bytes: (ptr, len) => [heap.reverse(ptr, len), len],
    total: (ptr, len) => heap.sum_f64(ptr, len),
    set_top: addr => heap.set_top(addr),
  };
}
