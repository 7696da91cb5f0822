// wasm-bindgen's string glue after pointers were made unsigned: every pointer that comes back from the
// allocator or from a function is passed through `>>> 0` before it is used as an offset, so strings
// placed above 2 GiB are written and read where they are.
import type { BindgenExports } from '../../support/wasm-bindgen-exports.js';

let wasm: BindgenExports;
let WASM_VECTOR_LEN = 0;
let cachedUint8ArrayMemory0: Uint8Array | null = null;
const cachedTextEncoder = new TextEncoder();
const cachedTextDecoder = new TextDecoder('utf-8', { ignoreBOM: true, fatal: false });

export function initSync(exports: BindgenExports): void {
  wasm = exports;
  cachedUint8ArrayMemory0 = null;
}

function getUint8ArrayMemory0(): Uint8Array {
  if (cachedUint8ArrayMemory0 === null || cachedUint8ArrayMemory0.byteLength === 0) {
    cachedUint8ArrayMemory0 = new Uint8Array(wasm.memory.buffer);
  }
  return cachedUint8ArrayMemory0;
}

function getStringFromWasm0(ptr: number, len: number): string {
  ptr = ptr >>> 0;
  return cachedTextDecoder.decode(getUint8ArrayMemory0().subarray(ptr, ptr + len));
}

type Malloc = (size: number, align: number) => number;
type Realloc = (ptr: number, oldSize: number, newSize: number, align: number) => number;

function passStringToWasm0(arg: string, malloc: Malloc, realloc: Realloc): number {
  let len = arg.length;
  let ptr = malloc(len, 1) >>> 0;
  const mem = getUint8ArrayMemory0();
  let offset = 0;
  for (; offset < len; offset++) {
    const code = arg.charCodeAt(offset);
    if (code > 0x7f) break;
    mem[ptr + offset] = code;
  }
  if (offset !== len) {
    if (offset !== 0) arg = arg.slice(offset);
    ptr = realloc(ptr, len, (len = offset + arg.length * 3), 1) >>> 0;
    const view = getUint8ArrayMemory0().subarray(ptr + offset, ptr + len);
    const ret = cachedTextEncoder.encodeInto(arg, view);
    offset += ret.written;
    ptr = realloc(ptr, len, offset, 1) >>> 0;
  }
  WASM_VECTOR_LEN = offset;
  return ptr;
}

/** `pub fn mirror(s: &str) -> String`: the UTF-8 bytes of `s` in reverse order. */
export function mirror(s: string): string {
  let deferred2_0 = 0;
  let deferred2_1 = 0;
  try {
    const ptr0 = passStringToWasm0(s, wasm.__wbindgen_malloc, wasm.__wbindgen_realloc);
    const len0 = WASM_VECTOR_LEN;
    const ret = wasm.reverse_bytes(ptr0, len0);
    deferred2_0 = ret[0];
    deferred2_1 = ret[1];
    return getStringFromWasm0(ret[0], ret[1]);
  } finally {
    wasm.__wbindgen_free(deferred2_0, deferred2_1, 1);
  }
}
