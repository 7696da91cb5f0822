import { OutOfBoundsError } from '../../errors.js';
import { Arena, type Block } from './arena.js';
import { WASM_PAGE, wasmApi, type WasmApi } from './engine.js';

/** wasm32's limit: an arena holds at most 65536 pages of 64 KiB. */
export const MAX_ARENA_BYTES = 65536 * WASM_PAGE;
/** The first arena's size: reserved address space, not memory, until its pages are written. */
const FIRST_ARENA_BYTES = 64 * 2 ** 20;

/** A block of the heap, with the arena that holds it. */
export interface HeapBlock {
  readonly arena: Arena;
  readonly block: Block;
}

export interface WasmHeapOptions {
  /** The size of the first arena, and the least size of any later one; a multiple of 64 KiB. */
  readonly firstArenaBytes?: number;
  /** The WebAssembly API that makes the arenas' memories: the engine's, unless a test stands in for it. */
  readonly api?: WasmApi | undefined;
}

/**
 * The runtime's wasm heap: arenas of WebAssembly memory that never grow, so that no allocation
 * ever detaches another's bytes. Kernels run in place over views that share an arena (one SIMD
 * instance per arena). An allocation goes to the first arena with room; when none has, a new
 * arena is made as large as all the live ones together (at least the request), so that the
 * arenas stay few: the heap's reservation at most doubles what it holds.
 *
 * An arena whose last block is released is kept as a spare if it is the only empty one, so that
 * a loop that allocates and frees does not make a new WebAssembly.Memory each time; a second
 * empty arena is let go (the smaller of the two), for the garbage collector to reclaim.
 */
export class WasmHeap {
  readonly #api: WasmApi;
  readonly #firstArenaBytes: number;
  readonly #arenas: Arena[] = [];

  constructor(options: WasmHeapOptions = {}) {
    const api = options.api ?? wasmApi;
    if (api === undefined) throw new Error('WebAssembly is not available here');
    this.#api = api;
    this.#firstArenaBytes = options.firstArenaBytes ?? FIRST_ARENA_BYTES;
  }

  /** The arenas, oldest first. */
  get arenas(): readonly Arena[] {
    return this.#arenas;
  }

  /**
   * `byteLength` bytes, reading 0 when `zeroed`. Throws OutOfBoundsError when no arena can hold
   * them: past wasm32's 4 GiB, or when the engine refuses to reserve a new arena.
   */
  allocate(byteLength: number, zeroed: boolean): HeapBlock {
    const size = Arena.blockSize(byteLength);
    if (size > MAX_ARENA_BYTES) {
      throw new OutOfBoundsError(
        `the wasm heap cannot hold ${byteLength} bytes in one block: wasm32 memory ends at 4 GiB`,
      );
    }
    for (const arena of this.#arenas) {
      const block = arena.allocate(size, zeroed);
      if (block !== undefined) return { arena, block };
    }
    const arena = this.#newArena(size);
    // A fresh arena reads 0 throughout, and this is its first block.
    return { arena, block: arena.allocate(size, zeroed)! };
  }

  release({ arena, block }: HeapBlock): void {
    arena.release(block);
    if (!arena.isEmpty) return;
    const spare = this.#arenas.find(other => other !== arena && other.isEmpty);
    if (spare === undefined) return;
    const dropped = spare.byteLength <= arena.byteLength ? spare : arena;
    this.#arenas.splice(this.#arenas.indexOf(dropped), 1);
  }

  #newArena(size: number): Arena {
    const live = this.#arenas.reduce((total, arena) => total + arena.byteLength, 0);
    const wanted = Math.min(MAX_ARENA_BYTES, Math.max(size, this.#firstArenaBytes, live));
    const pages = Math.ceil(wanted / WASM_PAGE);
    let arena: Arena;
    try {
      arena = new Arena(this.#api, pages);
    } catch (error) {
      // The engine may refuse a large reservation (address space, a 32-bit host) and grant the request alone.
      const least = Math.ceil(size / WASM_PAGE);
      if (least === pages) throw cannotReserve(size, error);
      try {
        arena = new Arena(this.#api, least);
      } catch (second) {
        throw cannotReserve(size, second);
      }
    }
    this.#arenas.push(arena);
    return arena;
  }
}

function cannotReserve(size: number, error: unknown): OutOfBoundsError {
  return new OutOfBoundsError(
    `the wasm heap cannot reserve a new arena for ${size} bytes: ${(error as Error).message}`,
    { cause: error },
  );
}

let heap: WasmHeap | undefined;

/** The process's wasm heap, made on first use. */
export function wasmHeap(): WasmHeap {
  heap ??= new WasmHeap();
  return heap;
}
