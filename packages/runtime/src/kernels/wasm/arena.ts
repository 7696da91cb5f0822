import { WASM_PAGE, type WasmApi, type WasmMemoryLike } from './engine.js';

/** Every block starts on this boundary: any dtype, and a whole SIMD vector, is aligned there. */
const ALIGN = 16;

/** A run of bytes in an arena: its offset in the arena's memory, and its size (a multiple of the alignment). */
export interface Block {
  readonly offset: number;
  readonly size: number;
}

/** A free run of bytes, with where it sits in its size class's list, so that it leaves in O(1). */
interface FreeBlock {
  offset: number;
  size: number;
  slot: number;
}

/**
 * One WebAssembly.Memory of a fixed size, made with `maximum` equal to `initial` so that it never
 * grows: its buffer is never replaced, so nothing handed out over it is ever detached. The memory
 * holds only data; the free blocks are kept in JS, in lists by size class (powers of two), and
 * found by their ends so that a released block merges with free neighbours at once. Allocating
 * and releasing cost about the same however many blocks are live.
 */
export class Arena {
  readonly memory: WasmMemoryLike;
  readonly byteLength: number;
  /** Free blocks below `#top`, by size class: class k holds sizes in [16·2^k, 16·2^(k+1)). */
  readonly #classes: FreeBlock[][] = [];
  readonly #byStart = new Map<number, FreeBlock>();
  readonly #byEnd = new Map<number, FreeBlock>();
  /** The end of the blocks in use or free. */
  #top = 0;
  /** Above this the memory has never been handed out, so it still reads 0 (fresh pages do). */
  #clean = 0;
  /** Bytes in blocks handed out and not yet released. */
  #inUse = 0;

  /** Throws the engine's RangeError when it cannot reserve `pages` pages. */
  constructor(api: WasmApi, pages: number) {
    this.memory = new api.Memory({ initial: pages, maximum: pages });
    this.byteLength = pages * WASM_PAGE;
  }

  /** The bytes a request of `byteLength` takes in an arena: at least one aligned unit. */
  static blockSize(byteLength: number): number {
    return Math.max(ALIGN, Math.ceil(byteLength / ALIGN) * ALIGN);
  }

  get isEmpty(): boolean {
    return this.#inUse === 0;
  }

  /** A block of `size` bytes (from {@link Arena.blockSize}), reading 0 when `zeroed`; `undefined` when none fits. */
  allocate(size: number, zeroed: boolean): Block | undefined {
    const free = this.#takeFree(size);
    if (free !== undefined) {
      if (free.size > size) this.#addFree(free.offset + size, free.size - size);
      // A reused block holds what its last owner wrote.
      if (zeroed) new Uint8Array(this.memory.buffer, free.offset, size).fill(0);
      this.#inUse += size;
      return { offset: free.offset, size };
    }
    const offset = this.#top;
    if (offset + size > this.byteLength) return undefined;
    this.#top = offset + size;
    // Bytes between the top and the clean mark belonged to blocks released at the top.
    if (zeroed && offset < this.#clean)
      new Uint8Array(this.memory.buffer, offset, Math.min(size, this.#clean - offset)).fill(0);
    this.#clean = Math.max(this.#clean, this.#top);
    this.#inUse += size;
    return { offset, size };
  }

  /** Returns a block, merged with free neighbours; the top comes down when the block ends there. */
  release(block: Block): void {
    this.#inUse -= block.size;
    let { offset, size } = block;
    const before = this.#byEnd.get(offset);
    if (before !== undefined) {
      this.#removeFree(before);
      offset = before.offset;
      size += before.size;
    }
    const after = this.#byStart.get(offset + size);
    if (after !== undefined) {
      this.#removeFree(after);
      size += after.size;
    }
    if (offset + size === this.#top) this.#top = offset;
    else this.#addFree(offset, size);
  }

  /** A free block of at least `size` bytes, taken off the lists: the first that fits in its own class, else any of a larger one. */
  #takeFree(size: number): FreeBlock | undefined {
    const first = sizeClass(size);
    const own = this.#classes[first];
    const fit = own?.find(block => block.size >= size);
    if (fit !== undefined) {
      this.#removeFree(fit);
      return fit;
    }
    for (let k = first + 1; k < this.#classes.length; k++) {
      const larger = this.#classes[k]!;
      if (larger.length > 0) {
        const block = larger[larger.length - 1]!;
        this.#removeFree(block);
        return block;
      }
    }
    return undefined;
  }

  #addFree(offset: number, size: number): void {
    const k = sizeClass(size);
    while (this.#classes.length <= k) this.#classes.push([]);
    const list = this.#classes[k]!;
    const block: FreeBlock = { offset, size, slot: list.length };
    list.push(block);
    this.#byStart.set(offset, block);
    this.#byEnd.set(offset + size, block);
  }

  #removeFree(block: FreeBlock): void {
    const list = this.#classes[sizeClass(block.size)]!;
    const last = list.pop()!;
    if (last !== block) {
      list[block.slot] = last;
      last.slot = block.slot;
    }
    this.#byStart.delete(block.offset);
    this.#byEnd.delete(block.offset + block.size);
  }
}

/** The size class of a block: k with 16·2^k ≤ size < 16·2^(k+1). */
function sizeClass(size: number): number {
  return 31 - Math.clz32(size / ALIGN);
}
