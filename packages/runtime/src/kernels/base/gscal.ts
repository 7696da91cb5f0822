import type { FloatArray } from './float-array.js';

/** `x *= alpha` over `N` strided elements (nothing when `N <= 0`). */
export function gscal(N: number, alpha: number, x: FloatArray, strideX: number): void {
  gscalNdarray(N, alpha, x, strideX, strideX < 0 ? (1 - N) * strideX : 0);
}

/** {@link gscal} with an explicit start offset. */
export function gscalNdarray(N: number, alpha: number, x: FloatArray, strideX: number, offsetX: number): void {
  let i = 0;
  let ix = offsetX;
  if (strideX === 1) {
    for (; i + 3 < N; i += 4, ix += 4) {
      x[ix] = x[ix]! * alpha;
      x[ix + 1] = x[ix + 1]! * alpha;
      x[ix + 2] = x[ix + 2]! * alpha;
      x[ix + 3] = x[ix + 3]! * alpha;
    }
  }
  for (; i < N; i++, ix += strideX) x[ix] = x[ix]! * alpha;
}

gscal.ndarray = gscalNdarray;
