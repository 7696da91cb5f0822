// TinyGo's wasm_exec.js host (abridged): the syscall/js imports receive Go strings and slices as
// (address, length) pairs in linear memory and read them through views of memory.buffer.
export interface GoInstance {
  exports: { memory: WebAssembly.Memory };
}

export class Go {
  _inst: GoInstance | null = null;
  /** JS values handed to Go, referenced by index. */
  _values: unknown[] = [NaN, 0, null, true, false, globalThis];
  readonly importObject: { gojs: Record<string, (...args: number[]) => void> };

  constructor() {
    const mem = () => new DataView(this._inst!.exports.memory.buffer);
    const decoder = new TextDecoder('utf-8');

    const loadValue = (addr: number): unknown => this._values[mem().getUint32(addr, true)];
    const storeValue = (addr: number, v: unknown): void => {
      this._values.push(v);
      mem().setUint32(addr, this._values.length - 1, true);
    };
    // Addresses and lengths arrive as i32 arguments: read them as unsigned, or anything in the upper
    // half of the 32-bit address space comes in negative.
    const loadSlice = (array: number, len: number): Uint8Array => new Uint8Array(this._inst!.exports.memory.buffer, array >>> 0, len >>> 0);
    const loadString = (ptr: number, len: number): string => decoder.decode(new DataView(this._inst!.exports.memory.buffer, ptr >>> 0, len >>> 0));

    this.importObject = {
      gojs: {
        // func stringVal(value string) ref
        'syscall/js.stringVal': (ret_ptr, value_ptr, value_len) => {
          const s = loadString(value_ptr, value_len);
          storeValue(ret_ptr, s);
        },
        // func copyBytesToJS(dst ref, src []byte) (int, bool)
        'syscall/js.copyBytesToJS': (ret_addr, dst_addr, src_addr, src_len) => {
          const dst = loadValue(dst_addr);
          const src = loadSlice(src_addr, src_len);
          if (!(dst instanceof Uint8Array || dst instanceof Uint8ClampedArray)) {
            mem().setUint8(ret_addr + 4, 0);
            return;
          }
          const toCopy = src.subarray(0, dst.length);
          dst.set(toCopy);
          mem().setUint32(ret_addr, toCopy.length, true);
          mem().setUint8(ret_addr + 4, 1);
        },
      },
    };
  }
}
