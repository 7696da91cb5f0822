import type { DType, FloatDType, Scalar } from '../dtype.js';
import { dtypeInfo } from '../dtype.js';
import { DtypeError } from '../errors.js';
import { forEachRow, rowLength, rowStride } from '../layout/index.js';
import type { View } from '../view.js';
import { gaxpy } from './base/gaxpy.js';
import { gcopy } from './base/gcopy.js';
import { gfill } from './base/gfill.js';
import { gscal } from './base/gscal.js';
import { requireC, requireFloat, requireNoOverlap, requireSameDtype, requireSameShape } from './require.js';

/** `y += alpha * x` over two C-contiguous float views of one shape, read linearly. */
export function axpy<D extends FloatDType>(alpha: number, x: View<D, 'C'>, y: View<NoInfer<D>, 'C'>): void {
  checkAxpy(alpha, x, y);
  requireC(x, 'axpy');
  requireC(y, 'axpy');
  gaxpy.ndarray(x.size, alpha, x.liveArray(), 1, x.offset, y.liveArray(), 1, y.offset);
}

/** {@link axpy} for views of any layout. */
export function axpyStrided<D extends FloatDType>(alpha: number, x: View<D>, y: View<NoInfer<D>>): void {
  checkAxpy(alpha, x, y);
  const xs = x.liveArray();
  const ys = y.liveArray();
  const n = rowLength(x.shape);
  const strideX = rowStride(x.strides);
  const strideY = rowStride(y.strides);
  forEachRow(x.shape, [x, y], ([ox, oy]) => gaxpy.ndarray(n, alpha, xs, strideX, ox!, ys, strideY, oy!));
}

function checkAxpy(alpha: number, x: View, y: View): void {
  requireAlpha(alpha, 'axpy');
  requireFloat(x, 'axpy');
  requireSameDtype(x, y, 'axpy');
  requireSameShape(x, y, 'axpy');
  requireNoOverlap(x, y, 'axpy', true);
}

/** `x *= alpha` over a C-contiguous float view, read linearly. */
export function scale(alpha: number, x: View<FloatDType, 'C'>): void {
  requireAlpha(alpha, 'scale');
  requireFloat(x, 'scale');
  requireC(x, 'scale');
  gscal.ndarray(x.size, alpha, x.liveArray(), 1, x.offset);
}

/** {@link scale} for a view of any layout. */
export function scaleStrided(alpha: number, x: View<FloatDType>): void {
  requireAlpha(alpha, 'scale');
  requireFloat(x, 'scale');
  const array = x.liveArray();
  const n = rowLength(x.shape);
  const stride = rowStride(x.strides);
  forEachRow(x.shape, [x], ([offset]) => gscal.ndarray(n, alpha, array, stride, offset!));
}

/** Sets every element of a C-contiguous view (any dtype) to `value`, written linearly. */
export function fill<D extends DType>(x: View<D, 'C'>, value: Scalar<D>): void {
  const checked = dtypeInfo(x.dtype).check(value);
  requireC(x, 'fill');
  gfill.ndarray(x.size, checked, x.liveArray() as unknown as Scalar<D>[], 1, x.offset);
}

/** {@link fill} for a view of any layout. */
export function fillStrided<D extends DType>(x: View<D>, value: Scalar<D>): void {
  const checked = dtypeInfo(x.dtype).check(value);
  const array = x.liveArray() as unknown as Scalar<D>[];
  const n = rowLength(x.shape);
  const stride = rowStride(x.strides);
  forEachRow(x.shape, [x], ([offset]) => gfill.ndarray(n, checked, array, stride, offset!));
}

/** Copies `source` into `target` element by element: any layout into any layout, one dtype, one shape. */
export function assign<D extends DType>(source: View<D>, target: View<NoInfer<D>>): void {
  requireSameDtype(source, target, 'assign');
  requireSameShape(source, target, 'assign');
  requireNoOverlap(source, target, 'assign', true);
  const from = source.liveArray() as unknown as Scalar<D>[];
  const to = target.liveArray() as unknown as Scalar<D>[];
  const n = rowLength(source.shape);
  const strideFrom = rowStride(source.strides);
  const strideTo = rowStride(target.strides);
  forEachRow(source.shape, [source, target], ([a, b]) => gcopy.ndarray(n, from, strideFrom, a!, to, strideTo, b!));
}

function requireAlpha(alpha: number, kernel: string): void {
  if (typeof alpha !== 'number') throw new DtypeError(`kernels.${kernel} takes a number for alpha, got ${typeof alpha}`);
}
