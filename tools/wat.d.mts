/**
 * The binary module for WebAssembly text `source`; `name` appears in error messages, and
 * `features` adds proposals to the ones every module here may use.
 */
export function assembleWat(
  source: string,
  name?: string,
  features?: { readonly exceptions?: boolean; readonly tail_call?: boolean },
): Promise<Uint8Array<ArrayBuffer>>;
export function assembleWatFile(path: string): Promise<Uint8Array<ArrayBuffer>>;
