/** Any indexable array: a typed array of any dtype, or a plain array being filled. */
export interface Indexable<T> {
  [index: number]: T;
}

/**
 * Copies `N` elements of strided `x` into strided `y` (BLAS `copy`). Negative strides walk from the
 * end, as in BLAS: the first element read is `x[(1 - N) * strideX]` when `strideX < 0`.
 */
export function gcopy<T>(N: number, x: Indexable<T>, strideX: number, y: Indexable<T>, strideY: number): void {
  gcopyNdarray(N, x, strideX, strideX < 0 ? (1 - N) * strideX : 0, y, strideY, strideY < 0 ? (1 - N) * strideY : 0);
}

/** {@link gcopy} with explicit start offsets. */
export function gcopyNdarray<T>(
  N: number,
  x: Indexable<T>,
  strideX: number,
  offsetX: number,
  y: Indexable<T>,
  strideY: number,
  offsetY: number,
): void {
  let ix = offsetX;
  let iy = offsetY;
  for (let i = 0; i < N; i++) {
    y[iy] = x[ix]!;
    ix += strideX;
    iy += strideY;
  }
}

gcopy.ndarray = gcopyNdarray;
