import type { FloatDType } from '../dtype.js';
import { forEachRow, rowLength, rowStride } from '../layout/index.js';
import type { View } from '../view.js';
import { gdot } from './base/gdot.js';
import { gsum } from './base/gsum.js';
import { requireC, requireFloat, requireSameDtype, requireSameShape } from './require.js';

/** Sum of every element of a C-contiguous float view, read linearly. */
export function sum(x: View<FloatDType, 'C'>): number {
  requireFloat(x, 'sum');
  requireC(x, 'sum');
  return gsum.ndarray(x.size, x.liveArray(), 1, x.offset);
}

/** Sum of every element of a float view of any layout. */
export function sumStrided(x: View<FloatDType>): number {
  requireFloat(x, 'sum');
  const array = x.liveArray();
  const n = rowLength(x.shape);
  const stride = rowStride(x.strides);
  let total = 0;
  forEachRow(x.shape, [x], ([offset]) => {
    total += gsum.ndarray(n, array, stride, offset!);
  });
  return total;
}

/** Sum of elementwise products of two C-contiguous float views of one shape, read linearly. */
export function dot<D extends FloatDType>(x: View<D, 'C'>, y: View<NoInfer<D>, 'C'>): number {
  checkPair(x, y, 'dot');
  requireC(x, 'dot');
  requireC(y, 'dot');
  return gdot.ndarray(x.size, x.liveArray(), 1, x.offset, y.liveArray(), 1, y.offset);
}

/** {@link dot} for views of any layout. */
export function dotStrided<D extends FloatDType>(x: View<D>, y: View<NoInfer<D>>): number {
  checkPair(x, y, 'dot');
  const xs = x.liveArray();
  const ys = y.liveArray();
  const n = rowLength(x.shape);
  const strideX = rowStride(x.strides);
  const strideY = rowStride(y.strides);
  let total = 0;
  forEachRow(x.shape, [x, y], ([ox, oy]) => {
    total += gdot.ndarray(n, xs, strideX, ox!, ys, strideY, oy!);
  });
  return total;
}

function checkPair(x: View, y: View, kernel: string): void {
  requireFloat(x, kernel);
  requireSameDtype(x, y, kernel);
  requireSameShape(x, y, kernel);
}
