import type { FloatArray } from './float-array.js';

/** Dot product of `N` elements of strided `x` and `y` (0 when `N <= 0`). */
export function gdot(N: number, x: FloatArray, strideX: number, y: FloatArray, strideY: number): number {
  return gdotNdarray(N, x, strideX, strideX < 0 ? (1 - N) * strideX : 0, y, strideY, strideY < 0 ? (1 - N) * strideY : 0);
}

/** {@link gdot} with explicit start offsets. */
export function gdotNdarray(N: number, x: FloatArray, strideX: number, offsetX: number, y: FloatArray, strideY: number, offsetY: number): number {
  let dot = 0;
  let ix = offsetX;
  let iy = offsetY;
  for (let i = 0; i < N; i++) {
    dot += x[ix]! * y[iy]!;
    ix += strideX;
    iy += strideY;
  }
  return dot;
}

gdot.ndarray = gdotNdarray;
