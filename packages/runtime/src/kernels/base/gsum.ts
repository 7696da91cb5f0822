import type { FloatArray } from './float-array.js';
import { PAIRWISE_LEAF } from './pairwise.js';

/** Sum of `N` elements of strided `x` (0 when `N <= 0`), added pairwise. */
export function gsum(N: number, x: FloatArray, strideX: number): number {
  return gsumNdarray(N, x, strideX, strideX < 0 ? (1 - N) * strideX : 0);
}

/**
 * {@link gsum} with an explicit start offset. Leaves of {@link PAIRWISE_LEAF} elements are summed
 * with four independent accumulators (one accumulator waits on each add's latency), and leaves
 * are added pairwise, so the rounding error grows with log N rather than N.
 */
export function gsumNdarray(N: number, x: FloatArray, strideX: number, offsetX: number): number {
  if (N > PAIRWISE_LEAF) {
    const half = Math.floor(N / 2);
    return gsumNdarray(half, x, strideX, offsetX) + gsumNdarray(N - half, x, strideX, offsetX + half * strideX);
  }
  let a = 0;
  let b = 0;
  let c = 0;
  let d = 0;
  let i = 0;
  let ix = offsetX;
  if (strideX === 1) {
    for (; i + 3 < N; i += 4, ix += 4) {
      a += x[ix]!;
      b += x[ix + 1]!;
      c += x[ix + 2]!;
      d += x[ix + 3]!;
    }
  } else {
    for (; i + 3 < N; i += 4, ix += 4 * strideX) {
      a += x[ix]!;
      b += x[ix + strideX]!;
      c += x[ix + 2 * strideX]!;
      d += x[ix + 3 * strideX]!;
    }
  }
  for (; i < N; i++, ix += strideX) a += x[ix]!;
  return a + b + (c + d);
}

gsum.ndarray = gsumNdarray;
