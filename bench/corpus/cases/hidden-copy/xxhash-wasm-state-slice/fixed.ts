// JS glue for a wasm xxhash build: the streaming hasher keeps its state blob in JS between calls
// and copies it in and out of the module's memory around every call.
export interface XXHashExports {
  mem: WebAssembly.Memory;
  init32(statePtr: number, seed: number): void;
  update32(statePtr: number, inputPtr: number, length: number): void;
  digest32(statePtr: number): number;
}

export interface Hasher {
  update(input: Uint8Array): Hasher;
  digest(): number;
}

const XXH32_STATE_SIZE_BYTES = 48;

export function xxhash({ mem, init32, update32, digest32 }: XXHashExports) {
  let memory = new Uint8Array(mem.buffer);
  function growMemory(length: number, offset: number): void {
    if (mem.buffer.byteLength < length + offset) {
      mem.grow(Math.ceil((length + offset - mem.buffer.byteLength) / (64 * 1024)));
      memory = new Uint8Array(mem.buffer);
    }
  }

  function create32(seed = 0): Hasher {
    const size = XXH32_STATE_SIZE_BYTES;
    growMemory(size, 0);
    const state = new Uint8Array(size);
    memory.set(state);
    init32(0, seed);
    state.set(memory.subarray(0, size));
    return {
      update(input) {
        memory.set(state);
        growMemory(input.byteLength, size);
        memory.set(input, size);
        update32(0, size, input.byteLength);
        state.set(memory.subarray(0, size));
        return this;
      },
      digest() {
        memory.set(state);
        return digest32(0) >>> 0;
      },
    };
  }

  return { create32 };
}
