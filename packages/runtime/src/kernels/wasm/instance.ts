import { wasmApi, type WasmApi, type WasmMemoryLike } from './engine.js';
import {
  KERNELS_MULTI_WASM,
  KERNELS_WASM,
  RELAXED_KERNELS_WASM,
  RELAXED_MULTI_KERNELS_WASM,
} from './module.generated.js';

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

/** The modules of one form of the kernels: single-memory, or multi-memory. */
interface Modules {
  readonly kernels: object;
  /** The dot products with relaxed SIMD's multiply-add, where the engine has relaxed SIMD. */
  readonly relaxed: object | null;
}

interface Compiled {
  /** Operands in one memory, imported as `m0`. */
  readonly single: Modules;
  /** Operands in memories `m0`, `m1`, `m2`, where the engine has multi-memory. */
  readonly multi: Modules | null;
}

/** `undefined` until first asked; `null` where this engine cannot compile the kernels (no SIMD). */
let compiled: Compiled | null | undefined;
const instances = new WeakMap<WasmMemoryLike, WasmKernels>();
/** Multi-memory instances by their first, second and third memory. */
const across = new WeakMap<WasmMemoryLike, WeakMap<WasmMemoryLike, WeakMap<WasmMemoryLike, WasmKernels>>>();

/**
 * What this engine runs the kernels with: fixed-width SIMD; relaxed SIMD's multiply-add for `dot`;
 * multi-memory, for operands in different memories.
 */
export interface KernelEngine {
  readonly simd: boolean;
  readonly relaxedSimd: boolean;
  readonly multiMemory: boolean;
}

export function kernelEngine(): KernelEngine {
  const modules = compiledModules();
  return {
    simd: modules !== null,
    relaxedSimd: modules?.single.relaxed != null,
    multiMemory: modules?.multi != null,
  };
}

/** True where the SIMD kernels compile: only there is wasm memory the faster place for data. */
export function simdKernelsCompile(): boolean {
  return compiledModules() !== null;
}

/**
 * The kernels instantiated over `storage`, when it is a WebAssembly.Memory they can run in: one
 * instance per memory, made on first use. Shared memories are left to the JS path, since the
 * module imports an unshared one.
 */
export function wasmKernelsFor(storage: unknown): WasmKernels | undefined {
  if (!isUnsharedWasmMemory(storage)) return undefined;
  let kernels = instances.get(storage);
  if (kernels !== undefined) return kernels;
  const modules = compiledModules();
  if (modules === null) return undefined;
  kernels = instantiate(modules.single, { m0: storage });
  instances.set(storage, kernels);
  return kernels;
}

/**
 * The kernels over operands in different memories, in operand order (the first operand's memory
 * is `m0`), where the engine has multi-memory: one instance per ordered set of memories.
 */
export function wasmKernelsAcross(storages: readonly unknown[]): WasmKernels | undefined {
  const modules = compiledModules();
  if (modules?.multi == null || storages.length === 0 || storages.length > 3) return undefined;
  if (!storages.every(isUnsharedWasmMemory)) return undefined;
  const [m0, m1 = m0, m2 = m0] = storages as [WasmMemoryLike, WasmMemoryLike?, WasmMemoryLike?];
  let byFirst = across.get(m0);
  if (byFirst === undefined) across.set(m0, (byFirst = new WeakMap()));
  let bySecond = byFirst.get(m1);
  if (bySecond === undefined) byFirst.set(m1, (bySecond = new WeakMap()));
  let kernels = bySecond.get(m2);
  if (kernels === undefined) bySecond.set(m2, (kernels = instantiate(modules.multi, { m0, m1, m2 })));
  return kernels;
}

function isUnsharedWasmMemory(storage: unknown): storage is WasmMemoryLike {
  if (wasmApi === undefined || !(storage instanceof wasmApi.Memory)) return false;
  return !(typeof SharedArrayBuffer === 'function' && storage.buffer instanceof SharedArrayBuffer);
}

type RelaxedKernels = Pick<WasmKernels, 'dot_f64' | 'dot_f32'>;

function instantiate(modules: Modules, memories: Record<string, WasmMemoryLike>): WasmKernels {
  const imports = { env: memories };
  const base = new wasmApi!.Instance(modules.kernels, imports).exports as WasmKernels;
  if (modules.relaxed === null) return base;
  const relaxed = new wasmApi!.Instance(modules.relaxed, imports).exports as RelaxedKernels;
  return { ...base, dot_f64: relaxed.dot_f64, dot_f32: relaxed.dot_f32 };
}

function compiledModules(): Compiled | null {
  if (compiled === undefined) {
    const api = wasmApi;
    const kernels = api === undefined ? null : compile(api, KERNELS_WASM);
    if (api === undefined || kernels === null) compiled = null;
    else {
      const multi = compile(api, KERNELS_MULTI_WASM);
      compiled = {
        single: { kernels, relaxed: compile(api, RELAXED_KERNELS_WASM) },
        multi: multi === null ? null : { kernels: multi, relaxed: compile(api, RELAXED_MULTI_KERNELS_WASM) },
      };
    }
  }
  return compiled;
}

/** The module, or `null` where the engine rejects it: no fixed-width SIMD, relaxed SIMD or multi-memory. */
function compile(api: WasmApi, bytes: readonly number[]): object | null {
  try {
    return new api.Module(new Uint8Array(bytes));
  } catch {
    return null;
  }
}
