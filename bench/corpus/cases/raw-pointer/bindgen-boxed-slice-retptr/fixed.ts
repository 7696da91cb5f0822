// wasm-bindgen glue for a Rust struct holding large vectors: a method returning Box<[u32]> writes the
// slice's (ptr, len) into a return area on the shadow stack, and the glue copies the slice out.
export interface HugeDataExports {
  readonly memory: WebAssembly.Memory;
  __wbindgen_add_to_stack_pointer(delta: number): number;
  __wbindgen_free(ptr: number, size: number): void;
  hugedata_new(): number;
  hugedata_get_last_element_as_boxed_slice(retptr: number, self: number): void;
}

let wasm: HugeDataExports;
let cachedInt32Memory0: Int32Array | null = null;
let cachedUint32Memory0: Uint32Array | null = null;

export function initSync(exports: HugeDataExports): void {
  wasm = exports;
  cachedInt32Memory0 = null;
  cachedUint32Memory0 = null;
}

function getInt32Memory0(): Int32Array {
  if (cachedInt32Memory0 === null || cachedInt32Memory0.byteLength === 0) {
    cachedInt32Memory0 = new Int32Array(wasm.memory.buffer);
  }
  return cachedInt32Memory0;
}

function getUint32Memory0(): Uint32Array {
  if (cachedUint32Memory0 === null || cachedUint32Memory0.byteLength === 0) {
    cachedUint32Memory0 = new Uint32Array(wasm.memory.buffer);
  }
  return cachedUint32Memory0;
}

function getArrayU32FromWasm0(ptr: number, len: number): Uint32Array {
  // Pointers come out of wasm as i32 values: above 2 GiB they are negative until made unsigned.
  ptr = ptr >>> 0;
  return getUint32Memory0().subarray(ptr / 4, ptr / 4 + len);
}

export class HugeData {
  private constructor(readonly ptr: number) {}

  static new(): HugeData {
    return new HugeData(wasm.hugedata_new());
  }

  get_last_element_as_boxed_slice(): Uint32Array {
    try {
      const retptr = wasm.__wbindgen_add_to_stack_pointer(-16);
      wasm.hugedata_get_last_element_as_boxed_slice(retptr, this.ptr);
      var r0 = getInt32Memory0()[retptr / 4 + 0];
      var r1 = getInt32Memory0()[retptr / 4 + 1];
      var v0 = getArrayU32FromWasm0(r0, r1).slice();
      wasm.__wbindgen_free(r0, r1 * 4);
      return v0;
    } finally {
      wasm.__wbindgen_add_to_stack_pointer(16);
    }
  }
}
