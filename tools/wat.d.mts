/** The binary module for WebAssembly text `source`; `name` appears in error messages. */
export function assembleWat(source: string, name?: string): Promise<Uint8Array<ArrayBuffer>>;
export function assembleWatFile(path: string): Promise<Uint8Array<ArrayBuffer>>;
