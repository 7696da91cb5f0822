/** The part of `WebAssembly.Memory` the runtime uses; any host's memory object fits. */
export interface WasmMemoryLike {
  readonly buffer: ArrayBuffer | SharedArrayBuffer;
  grow(delta: number): number;
}

/**
 * The parts of the WebAssembly JS API the runtime uses. The runtime compiles without DOM types,
 * which is where TypeScript declares `WebAssembly`, and runs where it may be missing.
 */
export interface WasmApi {
  readonly Module: new (bytes: Uint8Array) => object;
  readonly Instance: new (module: object, imports: object) => { readonly exports: object };
  readonly Memory: new (descriptor: { initial: number; maximum?: number }) => WasmMemoryLike;
}

export const wasmApi: WasmApi | undefined = (globalThis as { WebAssembly?: WasmApi }).WebAssembly;

/** Bytes in a WebAssembly page. */
export const WASM_PAGE = 65536;
