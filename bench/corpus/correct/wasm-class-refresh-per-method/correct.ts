// A JS-side handle on a block of a shared wasm heap (other objects allocate from the same module). The
// class keeps a heap view in a field, but every method takes it afresh on entry and then calls only
// exports that do not allocate.
import type { HeapExports } from '../../support/heap.js';

export class WasmBlock {
  private heap: Uint8Array;
  private readonly ptr: number;

  constructor(
    private readonly wasm: HeapExports,
    readonly size: number,
  ) {
    this.ptr = wasm.malloc(size);
    this.heap = new Uint8Array(wasm.memory.buffer);
  }

  write(offset: number, bytes: Uint8Array): void {
    this.heap = new Uint8Array(this.wasm.memory.buffer);
    this.heap.set(bytes, this.ptr + offset);
  }

  read(offset: number, length: number): Uint8Array {
    this.heap = new Uint8Array(this.wasm.memory.buffer);
    return this.heap.slice(this.ptr + offset, this.ptr + offset + length);
  }

  /** The module's checksum of the block, after which the block is cleared for reuse. */
  drain(): number {
    this.heap = new Uint8Array(this.wasm.memory.buffer);
    const sum = this.wasm.sum_u8(this.ptr, this.size);
    this.heap.fill(0, this.ptr, this.ptr + this.size);
    return sum;
  }
}
