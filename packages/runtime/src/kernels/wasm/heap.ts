import { WASM_PAGE, wasmApi, type WasmMemoryLike } from './engine.js';

/** Every block starts on this boundary: any dtype, and a whole SIMD vector, is aligned there. */
const ALIGN = 16;
/** wasm32's limit: 65536 pages of 64 KiB. */
const MAX_PAGES = 65536;

interface Block {
  readonly offset: number;
  readonly size: number;
}

/**
 * The runtime's wasm heap: one growable WebAssembly.Memory shared by every `placement: 'wasm'`
 * allocation, so that one SIMD instance serves kernels over any of them together. First fit over
 * a free list kept in JS (the heap's bytes hold only data), neighbours merged on release.
 *
 * Growing replaces the memory's buffer, as any wasm growth does: views over heap allocations
 * re-derive their arrays, raw pointers become stale. The heap grows by at least half its size,
 * so that this happens a logarithmic number of times.
 */
export class WasmHeap {
  readonly memory: WasmMemoryLike;
  /** Free blocks below `#top`, in address order. */
  readonly #free: Block[] = [];
  /** The end of the blocks in use or on the free list. */
  #top = 0;
  /** Above this the memory has never been handed out, so it still reads 0 (fresh pages do). */
  #clean = 0;

  constructor() {
    if (wasmApi === undefined) throw new Error('WebAssembly is not available here');
    this.memory = new wasmApi.Memory({ initial: 1, maximum: MAX_PAGES });
  }

  /** The offset of `byteLength` bytes (rounded up to the alignment); `zeroed` when they must read 0. */
  allocate(byteLength: number, zeroed: boolean): Block {
    const size = Math.max(ALIGN, Math.ceil(byteLength / ALIGN) * ALIGN);
    const index = this.#free.findIndex(block => block.size >= size);
    if (index >= 0) {
      const block = this.#free[index]!;
      if (block.size === size) this.#free.splice(index, 1);
      else this.#free[index] = { offset: block.offset + size, size: block.size - size };
      // A reused block holds what its last owner wrote.
      if (zeroed) new Uint8Array(this.memory.buffer, block.offset, size).fill(0);
      return { offset: block.offset, size };
    }
    const offset = this.#top;
    this.#ensure(offset + size);
    this.#top = offset + size;
    // Bytes between the top and the clean mark belonged to blocks released at the top.
    if (zeroed && offset < this.#clean)
      new Uint8Array(this.memory.buffer, offset, Math.min(size, this.#clean - offset)).fill(0);
    this.#clean = Math.max(this.#clean, this.#top);
    return { offset, size };
  }

  /** Returns a block to the heap, merged with free neighbours; the top shrinks when it ends there. */
  release(block: Block): void {
    let index = this.#free.findIndex(free => free.offset > block.offset);
    if (index < 0) index = this.#free.length;
    let merged = block;
    const before = this.#free[index - 1];
    if (before !== undefined && before.offset + before.size === merged.offset) {
      merged = { offset: before.offset, size: before.size + merged.size };
      this.#free.splice(--index, 1);
    }
    const after = this.#free[index];
    if (after !== undefined && merged.offset + merged.size === after.offset) {
      merged = { offset: merged.offset, size: merged.size + after.size };
      this.#free.splice(index, 1);
    }
    if (merged.offset + merged.size === this.#top) {
      this.#top = merged.offset;
    } else {
      this.#free.splice(index, 0, merged);
    }
  }

  #ensure(end: number): void {
    const capacity = this.memory.buffer.byteLength;
    if (end <= capacity) return;
    const pages = capacity / WASM_PAGE;
    const needed = Math.ceil((end - capacity) / WASM_PAGE);
    const grow = Math.min(Math.max(needed, Math.ceil(pages / 2)), MAX_PAGES - pages);
    if (grow < needed) throw new RangeError(`the wasm heap cannot hold ${end} bytes: wasm32 memory ends at 4 GiB`);
    this.memory.grow(grow);
  }
}

let heap: WasmHeap | undefined;

/** The process's wasm heap, made on first use. */
export function wasmHeap(): WasmHeap {
  heap ??= new WasmHeap();
  return heap;
}
