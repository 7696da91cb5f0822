import type { Memory } from './memory.js';

export type MemoryStatus = 'live' | 'freed' | 'detached';

/** What views and pointers need from their owner, read after noticing any outside change. */
export interface MemoryState {
  readonly buffer: ArrayBufferLike;
  /**
   * What the bytes belong to: the WebAssembly.Memory for wasm memory (shared wasm memory hands out
   * a new buffer object on every growth, all over the same bytes), otherwise the buffer.
   */
  readonly storage: object;
  readonly byteOffset: number;
  readonly byteLength: number;
  readonly generation: number;
  readonly status: MemoryStatus;
  /** Why the generation last moved, for error messages. */
  readonly lastEvent: string;
}

/**
 * A memory's generation as last noticed, without looking for outside changes. One object per
 * memory, kept by its views and pointers, so that the check on every element access is one
 * field read rather than a call into the owner.
 */
export interface GenerationCounter {
  readonly generation: number;
}

let stateOf: (memory: Memory) => MemoryState;
let counterOf: (memory: Memory) => GenerationCounter;

/** The owner's state after noticing outside changes (growth inside wasm, a shrink, a detach). */
export function memoryState(memory: Memory): MemoryState {
  return stateOf(memory);
}

/** The owner's generation counter: the cheap per-access check. */
export function generationCounter(memory: Memory): GenerationCounter {
  return counterOf(memory);
}

/**
 * Called once, from Memory's static block, the one place its private fields can be read: views and
 * pointers then read their owner's state without importing the class that makes them.
 */
export function provideMemoryState(
  state: (memory: Memory) => MemoryState,
  counter: (memory: Memory) => GenerationCounter,
): void {
  stateOf = state;
  counterOf = counter;
}
