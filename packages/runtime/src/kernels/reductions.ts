import type { FloatDType } from '../dtype.js';
import { forEachRow, inMemoryOrder, rowLength, rowStride } from '../layout/index.js';
import type { View } from '../view.js';
import { gdot } from './base/gdot.js';
import { gsum } from './base/gsum.js';
import { requireC, requireFloat, requireSameDtype, requireSameShape } from './require.js';
import { inWasm } from './wasm/dispatch.js';

/** Sum of every element of a C-contiguous float view, read linearly (in wasm memory by the SIMD kernel). */
export function sum(x: View<FloatDType, 'C'>): number {
  requireFloat(x, 'sum');
  requireC(x, 'sum');
  const array = x.liveArray();
  const wasm = inWasm([x]);
  if (wasm !== undefined) {
    const { kernels, addresses } = wasm;
    return x.dtype === 'f64' ? kernels.sum_f64(addresses[0], x.size) : kernels.sum_f32(addresses[0], x.size);
  }
  return gsum.ndarray(x.size, array, 1, x.offset);
}

/** Sum of every element of a float view of any layout, walked in memory order. */
export function sumStrided(x: View<FloatDType>): number {
  requireFloat(x, 'sum');
  const array = x.liveArray();
  const { shape, operands } = inMemoryOrder(x.shape, [x]);
  const n = rowLength(shape);
  const stride = rowStride(operands[0]!.strides);
  let total = 0;
  forEachRow(shape, operands, ([offset]) => {
    total += gsum.ndarray(n, array, stride, offset!);
  });
  return total;
}

/** Sum of elementwise products of two C-contiguous float views of one shape, read linearly. */
export function dot<D extends FloatDType>(x: View<D, 'C'>, y: View<NoInfer<D>, 'C'>): number {
  checkPair(x, y, 'dot');
  requireC(x, 'dot');
  requireC(y, 'dot');
  const xs = x.liveArray();
  const ys = y.liveArray();
  const wasm = inWasm([x, y]);
  if (wasm !== undefined) {
    const {
      kernels,
      addresses: [ax, ay],
    } = wasm;
    return x.dtype === 'f64' ? kernels.dot_f64(ax, ay, x.size) : kernels.dot_f32(ax, ay, x.size);
  }
  return gdot.ndarray(x.size, xs, 1, x.offset, ys, 1, y.offset);
}

/** {@link dot} for views of any layout, walked in the memory order of `x`. */
export function dotStrided<D extends FloatDType>(x: View<D>, y: View<NoInfer<D>>): number {
  checkPair(x, y, 'dot');
  const xs = x.liveArray();
  const ys = y.liveArray();
  const { shape, operands } = inMemoryOrder(x.shape, [x, y]);
  const n = rowLength(shape);
  const strideX = rowStride(operands[0]!.strides);
  const strideY = rowStride(operands[1]!.strides);
  let total = 0;
  forEachRow(shape, operands, ([ox, oy]) => {
    total += gdot.ndarray(n, xs, strideX, ox!, ys, strideY, oy!);
  });
  return total;
}

function checkPair(x: View, y: View, kernel: string): void {
  requireFloat(x, kernel);
  requireSameDtype(x, y, kernel);
  requireSameShape(x, y, kernel);
}
