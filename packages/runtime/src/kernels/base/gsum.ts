import type { FloatArray } from './float-array.js';

/** Sum of `N` elements of strided `x` (0 when `N <= 0`). */
export function gsum(N: number, x: FloatArray, strideX: number): number {
  return gsumNdarray(N, x, strideX, strideX < 0 ? (1 - N) * strideX : 0);
}

/** {@link gsum} with an explicit start offset. */
export function gsumNdarray(N: number, x: FloatArray, strideX: number, offsetX: number): number {
  let sum = 0;
  let ix = offsetX;
  for (let i = 0; i < N; i++) {
    sum += x[ix]!;
    ix += strideX;
  }
  return sum;
}

gsum.ndarray = gsumNdarray;
