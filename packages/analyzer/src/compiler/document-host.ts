import type TS from 'typescript';

/** A file an editor has open: its unsaved text, and the editor's version of it. */
export interface OpenDocument {
  readonly version: number;
  readonly text: string;
}

/**
 * Programs over what an editor shows, for `memsafe lsp`: the project of a tsconfig with the open
 * documents' text in place of the disk's, made again cheaply after an edit. On TypeScript 6 a
 * language service per tsconfig; on TypeScript 7 one compiler process, reading open documents
 * through its file system callbacks.
 */
export interface DocumentHost {
  /** The `ts` the checks are given. */
  readonly ts: typeof TS;
  readonly version: string;
  /** The program of `tsconfig` as the editor sees it; `changed` are the documents edited since the last call. */
  programFor(tsconfig: string, documents: ReadonlyMap<string, OpenDocument>, changed: readonly string[]): TS.Program;
  /**
   * Throws when the answers about the last program may be wrong: TypeScript 7's compiler process
   * ended under them (its checker's questions then failed, and the checks took them as unknown).
   * The next `programFor` starts a new process.
   */
  confirm(): void;
  close(): void;
}
