import { instantiateHeap } from './heap.js';

/**
 * The part of an Emscripten `Module` that glue code uses, as `@types/emscripten` declares it.
 * `_name` functions run compiled code; the HEAP views are re-created by the runtime after every
 * growth (`updateMemoryViews()`), so `Module.HEAPU8` read afresh is always live, while a copy of it
 * kept in a variable dies with the old buffer.
 */
export interface EmscriptenModule {
  HEAP8: Int8Array;
  HEAP16: Int16Array;
  HEAP32: Int32Array;
  HEAPU8: Uint8Array;
  HEAPU16: Uint16Array;
  HEAPU32: Uint32Array;
  HEAPF32: Float32Array;
  HEAPF64: Float64Array;
  wasmMemory: WebAssembly.Memory;
  _malloc(size: number): number;
  _free(ptr: number): void;
  _realloc(ptr: number, oldSize: number, size: number): number;
  _reverse(ptr: number, n: number): number;
  _sum_u8(ptr: number, n: number): number;
  _sum_f64(ptr: number, n: number): number;
  _grow(pages: number): number;
  /** Support only: the next block starts at `addr` (see HeapExports.set_top). */
  _set_top(addr: number): void;
}

/** A module instance wired the way Emscripten's generated glue wires one built with ALLOW_MEMORY_GROWTH. */
export function createModule(): EmscriptenModule {
  const module = {} as EmscriptenModule;
  const updateMemoryViews = (): void => {
    const buffer = module.wasmMemory.buffer;
    module.HEAP8 = new Int8Array(buffer);
    module.HEAP16 = new Int16Array(buffer);
    module.HEAP32 = new Int32Array(buffer);
    module.HEAPU8 = new Uint8Array(buffer);
    module.HEAPU16 = new Uint16Array(buffer);
    module.HEAPU32 = new Uint32Array(buffer);
    module.HEAPF32 = new Float32Array(buffer);
    module.HEAPF64 = new Float64Array(buffer);
  };
  const exports = instantiateHeap(updateMemoryViews);
  module.wasmMemory = exports.memory;
  updateMemoryViews();
  module._malloc = size => exports.malloc(size);
  module._free = ptr => exports.free(ptr);
  module._realloc = (ptr, oldSize, size) => exports.realloc(ptr, oldSize, size);
  module._reverse = (ptr, n) => exports.reverse(ptr, n);
  module._sum_u8 = (ptr, n) => exports.sum_u8(ptr, n);
  module._sum_f64 = (ptr, n) => exports.sum_f64(ptr, n);
  module._grow = pages => exports.grow(pages);
  module._set_top = addr => exports.set_top(addr);
  return module;
}
