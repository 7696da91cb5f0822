import type { FloatArray } from './float-array.js';

/** `y += alpha * x` over `N` strided elements (nothing when `N <= 0`). */
export function gaxpy(N: number, alpha: number, x: FloatArray, strideX: number, y: FloatArray, strideY: number): void {
  gaxpyNdarray(
    N,
    alpha,
    x,
    strideX,
    strideX < 0 ? (1 - N) * strideX : 0,
    y,
    strideY,
    strideY < 0 ? (1 - N) * strideY : 0,
  );
}

/** {@link gaxpy} with explicit start offsets. */
export function gaxpyNdarray(
  N: number,
  alpha: number,
  x: FloatArray,
  strideX: number,
  offsetX: number,
  y: FloatArray,
  strideY: number,
  offsetY: number,
): void {
  let i = 0;
  let ix = offsetX;
  let iy = offsetY;
  if (strideX === 1 && strideY === 1) {
    for (; i + 3 < N; i += 4, ix += 4, iy += 4) {
      y[iy] = y[iy]! + alpha * x[ix]!;
      y[iy + 1] = y[iy + 1]! + alpha * x[ix + 1]!;
      y[iy + 2] = y[iy + 2]! + alpha * x[ix + 2]!;
      y[iy + 3] = y[iy + 3]! + alpha * x[ix + 3]!;
    }
  }
  for (; i < N; i++, ix += strideX, iy += strideY) y[iy] = y[iy]! + alpha * x[ix]!;
}

gaxpy.ndarray = gaxpyNdarray;
