import { memoryState } from '../../memory-state.js';
import type { View } from '../../view.js';
import { wasmKernelsFor, type WasmKernels } from './instance.js';

/** The SIMD kernels for some views, with each view's byte address in their wasm memory. */
export interface InWasm<Views extends readonly View[]> {
  readonly kernels: WasmKernels;
  readonly addresses: { readonly [K in keyof Views]: number };
}

/**
 * The SIMD kernels and the byte address of each view's element at `view.offset`, when every view
 * lives in one WebAssembly.Memory the kernels can run in; otherwise `undefined`. Each owner's
 * state is read once. A wasm32 memory holds at most 4 GiB and the views were checked to lie inside
 * it, so every address fits the module's unsigned 32-bit arithmetic.
 */
export function inWasm<const Views extends readonly View[]>(views: Views): InWasm<Views> | undefined {
  let storage: object | undefined;
  const addresses: number[] = [];
  for (const view of views) {
    const state = memoryState(view.memory);
    if (storage === undefined) storage = state.storage;
    else if (state.storage !== storage) return undefined;
    addresses.push(state.byteOffset + view.offset * view.itemsize);
  }
  const kernels = wasmKernelsFor(storage);
  return kernels === undefined ? undefined : { kernels, addresses: addresses as unknown as InWasm<Views>['addresses'] };
}
