import type { FloatArray } from './float-array.js';

/** `x *= alpha` over `N` strided elements (nothing when `N <= 0`). */
export function gscal(N: number, alpha: number, x: FloatArray, strideX: number): void {
  gscalNdarray(N, alpha, x, strideX, strideX < 0 ? (1 - N) * strideX : 0);
}

/** {@link gscal} with an explicit start offset. */
export function gscalNdarray(N: number, alpha: number, x: FloatArray, strideX: number, offsetX: number): void {
  let ix = offsetX;
  for (let i = 0; i < N; i++) {
    x[ix] = x[ix]! * alpha;
    ix += strideX;
  }
}

gscal.ndarray = gscalNdarray;
