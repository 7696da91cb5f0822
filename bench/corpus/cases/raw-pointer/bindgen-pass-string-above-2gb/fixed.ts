// wasm-bindgen glue (the JS side of a Rust crate built for the web): strings are encoded into wasm
// memory allocated by the module's own malloc/realloc, and the Rust function reads them there.
import type { HeapExports } from '../../../support/heap.js';

let wasm: HeapExports;
let WASM_VECTOR_LEN = 0;
let cachedUint8Memory0: Uint8Array | null = null;

export function initSync(exports: HeapExports): void {
  wasm = exports;
  cachedUint8Memory0 = null;
}

function getUint8Memory0(): Uint8Array {
  if (cachedUint8Memory0 === null || cachedUint8Memory0.byteLength === 0) {
    cachedUint8Memory0 = new Uint8Array(wasm.memory.buffer);
  }
  return cachedUint8Memory0;
}

const cachedTextEncoder = new TextEncoder();

function passStringToWasm0(arg: string, malloc: (size: number) => number, realloc: (ptr: number, oldSize: number, newSize: number) => number): number {
  let len = arg.length;
  // malloc returns an i32: above 2 GiB it arrives negative, so read it as unsigned.
  let ptr = malloc(len) >>> 0;

  const mem = getUint8Memory0();

  let offset = 0;

  for (; offset < len; offset++) {
    const code = arg.charCodeAt(offset);
    if (code > 0x7f) break;
    mem[ptr + offset] = code;
  }

  if (offset !== len) {
    if (offset !== 0) {
      arg = arg.slice(offset);
    }
    ptr = realloc(ptr, len, (len = offset + arg.length * 3)) >>> 0;
    const view = getUint8Memory0().subarray(ptr + offset, ptr + len);
    const ret = cachedTextEncoder.encodeInto(arg, view);

    offset += ret.written;
  }

  WASM_VECTOR_LEN = offset;
  return ptr;
}

/** `give_me_strings(s: &str) -> u32` of the crate: the sum of the string's UTF-8 bytes. */
export function give_me_strings(s: string): number {
  const ptr0 = passStringToWasm0(s, wasm.malloc, wasm.realloc);
  const len0 = WASM_VECTOR_LEN;
  return wasm.sum_u8(ptr0, len0);
}
