// The JS side of a wasm-bindgen crate: the generated glue, and the JS function the crate imports
// with a `&[u8]` parameter, which calls back into the crate.
import type { HeapExports } from '../../../support/heap.js';

let wasm: HeapExports;
let cachedUint8ArrayMemory0: Uint8Array | null = null;

export function init(exports: HeapExports): void {
  wasm = exports;
  cachedUint8ArrayMemory0 = null;
}

function getUint8ArrayMemory0(): Uint8Array {
  if (cachedUint8ArrayMemory0 === null || cachedUint8ArrayMemory0.byteLength === 0) {
    cachedUint8ArrayMemory0 = new Uint8Array(wasm.memory.buffer);
  }
  return cachedUint8ArrayMemory0;
}

function getArrayU8FromWasm0(ptr: number, len: number): Uint8Array {
  return getUint8ArrayMemory0().subarray(ptr, ptr + len);
}

/** Exported by the crate: leaks a `vec![1u32; 100000]`. */
export function trigger_memory_growth(): void {
  wasm.malloc(400000);
}

export const lines: string[] = [];

export function js_take_by_shared_reference(arr: Uint8Array): void {
  lines.push(arr.join(', '));
  trigger_memory_growth();
  lines.push(arr.join(', ')); // BUG
}

/** The import shim the glue generates for `fn js_take_by_shared_reference(arr: &[u8])`. */
export function __wbg_jstakebysharedreference(arg0: number, arg1: number): void {
  js_take_by_shared_reference(getArrayU8FromWasm0(arg0, arg1));
}
