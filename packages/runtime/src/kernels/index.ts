import { ascontiguous } from './copy.js';
import { matmul } from './matmul.js';
import { dot, dotStrided, sum, sumStrided } from './reductions.js';
import { assign, axpy, axpyStrided, fill, fillStrided, scale, scaleStrided } from './updates.js';
import { kernelEngine } from './wasm/instance.js';

/**
 * The runtime's kernels. The top-level ones read memory linearly: they take `View<D, 'C'>` and
 * throw NonContiguousError for anything else. `kernels.strided` follows any layout's strides.
 * `kernels.engine()` says what the engine runs them with.
 */
export const kernels = Object.freeze({
  sum,
  dot,
  axpy,
  scale,
  fill,
  assign,
  ascontiguous,
  matmul,
  engine: kernelEngine,
  strided: Object.freeze({
    sum: sumStrided,
    dot: dotStrided,
    axpy: axpyStrided,
    scale: scaleStrided,
    fill: fillStrided,
  }),
});

export * as blas from './base/index.js';
