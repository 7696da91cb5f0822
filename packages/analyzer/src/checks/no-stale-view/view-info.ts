import type TS from 'typescript';

/** What a tracked view is a view of. */
export type ViewKind = 'wasm' | 'resizable' | 'runtime';

export interface ViewInfo {
  readonly kind: ViewKind;
  /** The expression that made the view, for the message and the re-derivation suggestion. */
  readonly origin: TS.Expression;
  /** For views of a resizable buffer: the buffer's variable, which `resize` targets. */
  readonly root?: TS.Symbol;
}

export const MEMORY_WORDS: Readonly<Record<ViewKind, string>> = {
  wasm: 'WebAssembly memory',
  resizable: 'a resizable ArrayBuffer',
  runtime: '@memsafe/runtime memory',
};
