// A streaming checksum over its own private wasm instance. The constructor makes the only allocation
// (which may grow memory) and then views the scratch block once; afterwards the class calls only
// sum_u8, which allocates nothing, so the view in the field stays valid for the object's life.
import { instantiateHeap, type HeapExports } from '../../support/heap.js';

const SCRATCH = 1 << 17;

export class StreamChecksum {
  private readonly wasm: HeapExports;
  private readonly ptr: number;
  private readonly scratch: Uint8Array;
  private total = 0;

  constructor() {
    this.wasm = instantiateHeap();
    this.ptr = this.wasm.malloc(SCRATCH);
    this.scratch = new Uint8Array(this.wasm.memory.buffer, this.ptr, SCRATCH);
  }

  update(data: Uint8Array): this {
    for (let offset = 0; offset < data.length; offset += SCRATCH) {
      const chunk = data.subarray(offset, offset + SCRATCH);
      this.scratch.set(chunk);
      this.total = (this.total + this.wasm.sum_u8(this.ptr, chunk.length)) >>> 0;
    }
    return this;
  }

  digest(): number {
    this.scratch.fill(0);
    return this.total;
  }
}
