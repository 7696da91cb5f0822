import type { FloatArray } from './float-array.js';

/** `y += alpha * x` over `N` strided elements (nothing when `N <= 0`). */
export function gaxpy(N: number, alpha: number, x: FloatArray, strideX: number, y: FloatArray, strideY: number): void {
  gaxpyNdarray(N, alpha, x, strideX, strideX < 0 ? (1 - N) * strideX : 0, y, strideY, strideY < 0 ? (1 - N) * strideY : 0);
}

/** {@link gaxpy} with explicit start offsets. */
export function gaxpyNdarray(N: number, alpha: number, x: FloatArray, strideX: number, offsetX: number, y: FloatArray, strideY: number, offsetY: number): void {
  let ix = offsetX;
  let iy = offsetY;
  for (let i = 0; i < N; i++) {
    y[iy] = y[iy]! + alpha * x[ix]!;
    ix += strideX;
    iy += strideY;
  }
}

gaxpy.ndarray = gaxpyNdarray;
