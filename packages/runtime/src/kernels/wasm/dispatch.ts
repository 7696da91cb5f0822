import { memoryState } from '../../memory-state.js';
import type { View } from '../../view.js';
import { wasmKernelsAcross, wasmKernelsFor, type WasmKernels } from './instance.js';

/** The SIMD kernels for some views, with each view's byte address in their wasm memory. */
export interface InWasm<Views extends readonly View[]> {
  readonly kernels: WasmKernels;
  readonly addresses: { readonly [K in keyof Views]: number };
}

/**
 * The SIMD kernels and the byte address of each view's element at `view.offset`, when every view
 * lives in WebAssembly memory the kernels can run in: one memory, or (where the engine has
 * multi-memory) one memory per operand, in operand order. Otherwise `undefined`. Each owner's
 * state is read once. A wasm32 memory holds at most 4 GiB and the views were checked to lie inside
 * it, so every address fits the module's unsigned 32-bit arithmetic.
 */
export function inWasm<const Views extends readonly View[]>(views: Views): InWasm<Views> | undefined {
  const storages: object[] = [];
  const addresses: number[] = [];
  let one = true;
  for (const view of views) {
    const state = memoryState(view.memory);
    if (storages.length > 0 && state.storage !== storages[0]) one = false;
    storages.push(state.storage);
    addresses.push(state.byteOffset + view.offset * view.itemsize);
  }
  const kernels = one ? wasmKernelsFor(storages[0]) : wasmKernelsAcross(storages);
  return kernels === undefined ? undefined : { kernels, addresses: addresses as unknown as InWasm<Views>['addresses'] };
}
