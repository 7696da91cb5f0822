// wasm-bindgen's generated glue: one cached Uint8Array over wasm memory, re-created whenever the
// memory has grown (its byteLength reads 0 once detached), and fetched afresh at every use.
import type { HeapExports } from '../../support/heap.js';

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

function passArray8ToWasm0(arg: Uint8Array): [number, number] {
  const ptr = wasm.malloc(arg.length);
  getUint8ArrayMemory0().set(arg, ptr); // LATENT no-signed-wasm-pointer
  return [ptr, arg.length];
}

/** Reverses `input` in wasm and copies the result out before anything else can grow the memory. */
export function reverse(input: Uint8Array): Uint8Array {
  const [ptr, len] = passArray8ToWasm0(input);
  const out = wasm.reverse(ptr, len);
  const result = getUint8ArrayMemory0().subarray(out, out + len).slice(); // LATENT no-signed-wasm-pointer
  wasm.free(ptr);
  return result;
}
