export { Memory, type Owned, type MemoryKind, type ViewOptions, type AllocOptions, type Placement } from './memory.js';
export type { MemoryStatus } from './memory-state.js';
export type { WasmMemoryLike } from './kernels/wasm/engine.js';
export type { KernelEngine } from './kernels/wasm/instance.js';
export { View, type Layout, type TransposedLayout } from './view.js';
export { RawPtr } from './raw-ptr.js';
export type { NextGeneration } from './generation.js';
export {
  DTYPES,
  dtypeOf,
  type DType,
  type FloatDType,
  type BigIntDType,
  type Scalar,
  type TypedArrayOf,
} from './dtype.js';
export type { NodeBuffer } from './convert.js';
export { copy, ascontiguous } from './kernels/copy.js';
export { kernels, blas } from './kernels/index.js';
export { checkContiguous, fromValues, viewOf } from './construct.js';
export * as layout from './layout/index.js';
export {
  MemsafeError,
  StaleViewError,
  StalePointerError,
  DetachedError,
  OutOfBoundsError,
  NonContiguousError,
  WouldCopyError,
  MisalignedError,
  DtypeError,
  ShapeError,
  IndexError,
  UnsupportedError,
} from './errors.js';
