import type { Indexable } from './gcopy.js';

/** Sets `N` strided elements of `x` to `value` (nothing when `N <= 0`). */
export function gfill<T>(N: number, value: T, x: Indexable<T>, strideX: number): void {
  gfillNdarray(N, value, x, strideX, strideX < 0 ? (1 - N) * strideX : 0);
}

/** {@link gfill} with an explicit start offset. */
export function gfillNdarray<T>(N: number, value: T, x: Indexable<T>, strideX: number, offsetX: number): void {
  let ix = offsetX;
  for (let i = 0; i < N; i++) {
    x[ix] = value;
    ix += strideX;
  }
}

gfill.ndarray = gfillNdarray;
