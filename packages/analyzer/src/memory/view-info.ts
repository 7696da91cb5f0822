import type TS from 'typescript';

/** What a tracked view is a view of. */
export type ViewKind = 'wasm' | 'resizable' | 'runtime';

export interface ViewInfo {
  readonly kind: ViewKind;
  /** The expression that made the view, for the message and the re-derivation suggestion. */
  readonly origin: TS.Expression;
  /** For views of a resizable buffer: the buffer's variable or field, which `resize` targets. */
  readonly root?: TS.Symbol;
  /**
   * A length-tracking view from the buffer's start (`new Uint8Array(rab)`): a shrink shortens it
   * but cannot put it out of bounds. Views derived from it at an offset can be.
   */
  readonly survivesShrink?: true;
  /**
   * For a view into a block of wasm memory (`HEAPU8.subarray(ptr, …)`, `new T(memory.buffer, ptr, n)`):
   * the variable or field holding the block's address, which a `free(ptr)` releases.
   */
  readonly block?: TS.Symbol;
}

/** What a stale view of each kind does, for the message. */
export const CONSEQUENCES: Readonly<Record<ViewKind, string>> = {
  wasm: '`{{name}}` may now be detached: reads give undefined and writes are lost.',
  resizable: '`{{name}}` may now be out of bounds: reads give undefined and writes are lost.',
  runtime:
    '`{{name}}` may now be stale: a raw pointer throws StalePointerError, and a typed array taken from one reads nothing.',
};

export const MEMORY_WORDS: Readonly<Record<ViewKind, string>> = {
  wasm: 'WebAssembly memory',
  resizable: 'a resizable ArrayBuffer',
  runtime: '@memsafe/runtime memory',
};
