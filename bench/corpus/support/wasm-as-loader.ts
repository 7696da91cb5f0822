import { instantiateHeap } from './heap.js';

// A stand-in for an AssemblyScript module instantiated through @assemblyscript/loader: the loader's
// array helpers over the heap module, with AssemblyScript's layout of a Uint8Array object (a 12-byte
// header: backing buffer, dataStart, byteLength) and two "compiled" exports.
const ARRAYBUFFERVIEW_BUFFER_OFFSET = 0;
const ARRAYBUFFERVIEW_DATASTART_OFFSET = 4;
const ARRAYBUFFERVIEW_BYTELENGTH_OFFSET = 8;
const ARRAYBUFFERVIEW_SIZE = 12;

/** The runtime helpers the loader adds to a module's exports (the Uint8Array subset). */
export interface ASUtil {
  readonly memory: WebAssembly.Memory;
  /** Allocates a new Uint8Array object holding `values` (or `length` zeros); may grow the memory. */
  __newArray(id: number, valuesOrLength: ArrayLike<number> | number): number;
  /** A live view of the array's elements over memory.buffer as it is now: no copy. */
  __getArrayView(arr: number): Uint8Array;
  /** The array's elements copied into a plain JS array. */
  __getArray(arr: number): number[];
  /** The array's elements copied into a new Uint8Array. */
  __getUint8Array(arr: number): Uint8Array;
  __pin(ptr: number): number;
  __unpin(ptr: number): void;
}

/** The module's own exports, as the loader types them (arrays are pointers). */
export interface ASModule extends ASUtil {
  readonly Uint8Array_ID: number;
  /** A new array with the bytes of `arr` in reverse order; allocates, so it may grow the memory. */
  reversed(arr: number): number;
  /** Sum of the bytes of `arr`; allocates nothing. */
  checksum(arr: number): number;
}

export function instantiateLoader(): ASModule {
  const wasm = instantiateHeap();
  const memory = wasm.memory;

  const header = (arr: number): [number, number] => {
    const U32 = new Uint32Array(memory.buffer);
    return [U32[(arr + ARRAYBUFFERVIEW_DATASTART_OFFSET) >>> 2], U32[(arr + ARRAYBUFFERVIEW_BYTELENGTH_OFFSET) >>> 2]];
  };
  const newHeader = (buf: number, length: number): number => {
    const arr = wasm.malloc(ARRAYBUFFERVIEW_SIZE);
    const U32 = new Uint32Array(memory.buffer);
    U32[(arr + ARRAYBUFFERVIEW_BUFFER_OFFSET) >>> 2] = buf;
    U32[(arr + ARRAYBUFFERVIEW_DATASTART_OFFSET) >>> 2] = buf;
    U32[(arr + ARRAYBUFFERVIEW_BYTELENGTH_OFFSET) >>> 2] = length;
    return arr;
  };
  const getArrayView = (arr: number): Uint8Array => {
    const [dataStart, byteLength] = header(arr);
    return new Uint8Array(memory.buffer, dataStart, byteLength);
  };

  return {
    memory,
    Uint8Array_ID: 3,
    __newArray(_id, valuesOrLength) {
      const length = typeof valuesOrLength === 'number' ? valuesOrLength : valuesOrLength.length;
      const buf = wasm.malloc(length);
      const arr = newHeader(buf, length);
      const data = new Uint8Array(memory.buffer, buf, length);
      if (typeof valuesOrLength === 'number') data.fill(0);
      else data.set(valuesOrLength);
      return arr;
    },
    __getArrayView: getArrayView,
    __getArray: arr => Array.from(getArrayView(arr)),
    __getUint8Array: arr => getArrayView(arr).slice(),
    __pin: ptr => ptr,
    __unpin: () => {},
    reversed(arr) {
      const [dataStart, byteLength] = header(arr);
      const out = wasm.reverse(dataStart, byteLength);
      return newHeader(out, byteLength);
    },
    checksum(arr) {
      const [dataStart, byteLength] = header(arr);
      return wasm.sum_u8(dataStart, byteLength);
    },
  };
}
