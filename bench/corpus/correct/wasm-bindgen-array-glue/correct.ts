// wasm-bindgen's generated JS for two crate functions taking slices and returning a Vec<u8>:
// arguments are copied into wasm memory by passArray*ToWasm0, the returned Vec is read with
// getArrayU8FromWasm0, copied with slice() and freed before returning.
import type { BindgenExports } from '../../support/wasm-bindgen-exports.js';

let wasm: BindgenExports;
let WASM_VECTOR_LEN = 0;
let cachedUint8ArrayMemory0: Uint8Array | null = null;
let cachedFloat64ArrayMemory0: Float64Array | null = null;

export function initSync(exports: BindgenExports): void {
  wasm = exports;
  cachedUint8ArrayMemory0 = null;
  cachedFloat64ArrayMemory0 = null;
}

function getUint8ArrayMemory0(): Uint8Array {
  if (cachedUint8ArrayMemory0 === null || cachedUint8ArrayMemory0.byteLength === 0) {
    cachedUint8ArrayMemory0 = new Uint8Array(wasm.memory.buffer);
  }
  return cachedUint8ArrayMemory0;
}

function getFloat64ArrayMemory0(): Float64Array {
  if (cachedFloat64ArrayMemory0 === null || cachedFloat64ArrayMemory0.byteLength === 0) {
    cachedFloat64ArrayMemory0 = new Float64Array(wasm.memory.buffer);
  }
  return cachedFloat64ArrayMemory0;
}

function passArray8ToWasm0(arg: Uint8Array, malloc: (size: number, align: number) => number): number {
  const ptr = malloc(arg.length * 1, 1) >>> 0;
  getUint8ArrayMemory0().set(arg, ptr / 1);
  WASM_VECTOR_LEN = arg.length;
  return ptr;
}

function passArrayF64ToWasm0(arg: Float64Array, malloc: (size: number, align: number) => number): number {
  const ptr = malloc(arg.length * 8, 8) >>> 0;
  getFloat64ArrayMemory0().set(arg, ptr / 8);
  WASM_VECTOR_LEN = arg.length;
  return ptr;
}

function getArrayU8FromWasm0(ptr: number, len: number): Uint8Array {
  ptr = ptr >>> 0;
  return getUint8ArrayMemory0().subarray(ptr / 1, ptr / 1 + len);
}

export function reverse_bytes(data: Uint8Array): Uint8Array {
  const ptr0 = passArray8ToWasm0(data, wasm.__wbindgen_malloc);
  const len0 = WASM_VECTOR_LEN;
  const ret = wasm.reverse_bytes(ptr0, len0);
  const v2 = getArrayU8FromWasm0(ret[0], ret[1]).slice();
  wasm.__wbindgen_free(ret[0], ret[1] * 1, 1);
  return v2;
}

export function total(values: Float64Array): number {
  const ptr0 = passArrayF64ToWasm0(values, wasm.__wbindgen_malloc);
  const len0 = WASM_VECTOR_LEN;
  return wasm.total(ptr0, len0);
}
