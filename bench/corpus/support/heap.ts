import { readFileSync } from 'node:fs';

/** The exports of support/heap.wat, typed as wasm glue types a C or Rust module's exports. */
export interface HeapExports {
  readonly memory: WebAssembly.Memory;
  /** Allocates `size` bytes (8-aligned); grows the memory when they do not fit. */
  malloc(size: number): number;
  free(ptr: number): void;
  /** Moves a block to a new one of `size` bytes; may grow the memory. */
  realloc(ptr: number, oldSize: number, size: number): number;
  /** Writes the `n` bytes at `ptr` reversed into a new block (which may grow the memory) and returns it. */
  reverse(ptr: number, n: number): number;
  sum_u8(ptr: number, n: number): number;
  sum_f64(ptr: number, n: number): number;
  /** `memory.grow(pages)` from inside wasm; returns the old size in pages. */
  grow(pages: number): number;
  /** Support only, no real module has it: the next block starts at `addr` (memory grows to reach it). */
  set_top(addr: number): void;
}

const bytes = readFileSync(new URL('./heap.wasm', import.meta.url));

/**
 * A fresh instance of the heap module. `onGrow` runs inside every growth, as Emscripten's
 * `emscripten_resize_heap` import does; plain modules do nothing there.
 */
export function instantiateHeap(onGrow: () => void = () => {}): HeapExports {
  const module = new WebAssembly.Module(bytes);
  const instance = new WebAssembly.Instance(module, { env: { on_grow: () => onGrow() } });
  return instance.exports as unknown as HeapExports;
}

/** Bytes past the module's first 64 KiB page: a request of this size always grows memory. */
export const GROWING_REQUEST = 1 << 17;

/** An address a little past 2 GiB, where an i32 from wasm reaches JavaScript negative. */
export const ABOVE_2_GIB = 0x8000_0400;

/**
 * Makes the heap's next blocks start above 2 GiB, as a program that has allocated that much sees
 * them. False when the memory could not grow that far: a latent check then returns without a
 * failure, so that the runner reports the latent bug as not shown rather than shown by accident.
 */
export function placeAbove2GiB(setTop: (addr: number) => void, memory: WebAssembly.Memory): boolean {
  setTop(ABOVE_2_GIB);
  return memory.buffer.byteLength > ABOVE_2_GIB;
}
