import { wasmApi, type WasmApi, type WasmMemoryLike } from './engine.js';
import { KERNELS_WASM } from './module.generated.js';

/** A `rows` × `cols` block at `src` with byte strides `rowStride` and `colStride`, copied into C order at `dst`. */
type Copy2d = (src: number, dst: number, rows: number, cols: number, rowStride: number, colStride: number) => void;
/** C = A·B: A m×k with byte strides `sa0`, `sa1`; B and C with contiguous rows, `sb0` and `sc0` bytes apart. */
type Gemm = (
  a: number,
  b: number,
  c: number,
  m: number,
  n: number,
  k: number,
  sa0: number,
  sa1: number,
  sb0: number,
  sc0: number,
) => void;

/** The exports of packages/runtime/wasm/kernels.wat (plain functions): addresses are byte offsets, counts unsigned. */
export interface WasmKernels {
  readonly sum_f64: (x: number, n: number) => number;
  readonly sum_f32: (x: number, n: number) => number;
  readonly dot_f64: (x: number, y: number, n: number) => number;
  readonly dot_f32: (x: number, y: number, n: number) => number;
  readonly axpy_f64: (alpha: number, x: number, y: number, n: number) => void;
  readonly axpy_f32: (alpha: number, x: number, y: number, n: number) => void;
  readonly scal_f64: (alpha: number, x: number, n: number) => void;
  readonly scal_f32: (alpha: number, x: number, n: number) => void;
  readonly copy2d_f64: Copy2d;
  readonly copy2d_f32: Copy2d;
  readonly gemm_f64: Gemm;
  readonly gemm_f32: Gemm;
}

/** `undefined` until first asked; `null` where this engine cannot compile the module (no SIMD). */
let compiled: object | null | undefined;
const instances = new WeakMap<WasmMemoryLike, WasmKernels>();

/**
 * The kernels instantiated over `storage`, when it is a WebAssembly.Memory they can run in: one
 * instance per memory, made on first use. Shared memories are left to the JS path, since the
 * module imports an unshared one.
 */
export function wasmKernelsFor(storage: unknown): WasmKernels | undefined {
  if (wasmApi === undefined || !(storage instanceof wasmApi.Memory)) return undefined;
  let kernels = instances.get(storage);
  if (kernels !== undefined) return kernels;
  if (typeof SharedArrayBuffer === 'function' && storage.buffer instanceof SharedArrayBuffer) return undefined;
  compiled ??= compile(wasmApi);
  if (compiled === null) return undefined;
  kernels = new wasmApi.Instance(compiled, { env: { memory: storage } }).exports as WasmKernels;
  instances.set(storage, kernels);
  return kernels;
}

function compile(api: WasmApi): object | null {
  try {
    return new api.Module(new Uint8Array(KERNELS_WASM));
  } catch {
    // An engine without fixed-width SIMD rejects the module; the JS kernels serve it instead.
    return null;
  }
}
