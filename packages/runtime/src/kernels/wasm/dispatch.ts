import { memoryState } from '../../memory.js';
import type { View } from '../../view.js';
import { wasmKernelsFor, type WasmKernels } from './instance.js';

/** The SIMD kernels for `view`, when its bytes live in a WebAssembly.Memory they can run in. */
export function kernelsOf(view: View): WasmKernels | undefined {
  return wasmKernelsFor(memoryState(view.memory).storage);
}

/** The kernels for two views, when both live in the same wasm memory. */
export function sharedKernelsOf(a: View, b: View): WasmKernels | undefined {
  const storage = memoryState(a.memory).storage;
  return storage === memoryState(b.memory).storage ? wasmKernelsFor(storage) : undefined;
}

/**
 * The byte address, in its wasm memory, of the view's element at `view.offset`. A wasm32 memory
 * holds at most 4 GiB and the view was checked to lie inside it, so every address fits the
 * module's unsigned 32-bit arithmetic.
 */
export function addressOf(view: View): number {
  return memoryState(view.memory).byteOffset + view.offset * view.itemsize;
}
