/** Proposals a module may use beyond the ones every module here may. */
export interface WatFeatures {
  readonly exceptions?: boolean;
  readonly tail_call?: boolean;
  readonly relaxed_simd?: boolean;
  readonly multi_memory?: boolean;
}

/**
 * The binary module for WebAssembly text `source`; `name` appears in error messages, and
 * `features` adds proposals to the ones every module here may use.
 */
export function assembleWat(source: string, name?: string, features?: WatFeatures): Promise<Uint8Array<ArrayBuffer>>;
export function assembleWatFile(path: string, features?: WatFeatures): Promise<Uint8Array<ArrayBuffer>>;
/** The single-memory form of kernel text written for operands in memories `$m0`, `$m1` and `$m2`. */
export function singleMemory(source: string): string;
