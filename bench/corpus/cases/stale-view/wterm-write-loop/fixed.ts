// A terminal emulator's bridge to its wasm core: input is copied into a scratch block in chunks.
import type { HeapExports } from '../../../support/heap.js';

const CHUNK = 8192;

export class WasmBridge {
  constructor(private readonly wasm: HeapExports) {}

  /** Feeds `data` to the core chunk by chunk; returns the checksum the core computed. */
  writeRaw(data: Uint8Array): number {
    let checksum = 0;
    for (let offset = 0; offset < data.length; offset += CHUNK) {
      const chunk = data.subarray(offset, offset + CHUNK);
      const ptr = this.wasm.malloc(chunk.length);
      // malloc may have grown the memory: view it afresh for every chunk.
      new Uint8Array(this.wasm.memory.buffer).set(chunk, ptr);
      checksum += this.wasm.sum_u8(ptr, chunk.length);
    }
    return checksum;
  }
}
