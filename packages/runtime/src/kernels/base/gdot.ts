import type { FloatArray } from './float-array.js';
import { PAIRWISE_LEAF } from './pairwise.js';

/** Dot product of `N` elements of strided `x` and `y` (0 when `N <= 0`), added pairwise. */
export function gdot(N: number, x: FloatArray, strideX: number, y: FloatArray, strideY: number): number {
  return gdotNdarray(
    N,
    x,
    strideX,
    strideX < 0 ? (1 - N) * strideX : 0,
    y,
    strideY,
    strideY < 0 ? (1 - N) * strideY : 0,
  );
}

/** {@link gdot} with explicit start offsets; four accumulators per leaf, leaves added pairwise as in {@link gsum}. */
export function gdotNdarray(
  N: number,
  x: FloatArray,
  strideX: number,
  offsetX: number,
  y: FloatArray,
  strideY: number,
  offsetY: number,
): number {
  if (N > PAIRWISE_LEAF) {
    const half = Math.floor(N / 2);
    return (
      gdotNdarray(half, x, strideX, offsetX, y, strideY, offsetY) +
      gdotNdarray(N - half, x, strideX, offsetX + half * strideX, y, strideY, offsetY + half * strideY)
    );
  }
  let a = 0;
  let b = 0;
  let c = 0;
  let d = 0;
  let i = 0;
  let ix = offsetX;
  let iy = offsetY;
  if (strideX === 1 && strideY === 1) {
    for (; i + 3 < N; i += 4, ix += 4, iy += 4) {
      a += x[ix]! * y[iy]!;
      b += x[ix + 1]! * y[iy + 1]!;
      c += x[ix + 2]! * y[iy + 2]!;
      d += x[ix + 3]! * y[iy + 3]!;
    }
  }
  for (; i < N; i++, ix += strideX, iy += strideY) a += x[ix]! * y[iy]!;
  return a + b + (c + d);
}

gdot.ndarray = gdotNdarray;
