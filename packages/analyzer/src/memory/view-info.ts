import type TS from 'typescript';

/**
 * What a tracked view is a view of: `wasm` memory's fixed-length buffer, which growth detaches;
 * `wasm-resizable`, the buffer of a memory switched to resizable mode (`toResizableBuffer()`), which
 * growth leaves alone and only a switch back detaches; a `resizable` ArrayBuffer; a runtime view.
 */
export type ViewKind = 'wasm' | 'wasm-resizable' | 'resizable' | 'runtime';

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

/** What a view of each kind may be after its memory changed, for the message: "`x` may be detached here". */
export const STALE_STATES: Readonly<Record<ViewKind, string>> = {
  wasm: 'detached',
  'wasm-resizable': 'detached',
  resizable: 'out of bounds',
  runtime: 'stale',
};
