import type { DType } from '../dtype.js';
import { dtypeInfo } from '../dtype.js';
import { ShapeError } from '../errors.js';
import { shape2strides, type Order } from '../layout/index.js';
import { Memory } from '../memory.js';
import type { View } from '../view.js';
import { assign } from './updates.js';

/**
 * A copy of `view` in new memory, laid out in C order (or F order when asked). Always copies,
 * even when the view is already contiguous: the result never shares memory with the input.
 */
export function copy<D extends DType>(view: View<D>, order?: 'C'): View<D, 'C', 0>;
export function copy<D extends DType>(view: View<D>, order: 'F'): View<D, 'F', 0>;
export function copy<D extends DType>(view: View<D>, order: Order): View<D, 'C' | 'F', 0>;
export function copy<D extends DType>(view: View<D>, order: Order = 'C'): View<D, 'C' | 'F', 0> {
  if (order !== 'C' && order !== 'F') throw new ShapeError(`order must be 'C' or 'F', got ${String(order)}`);
  const memory = Memory.alloc(view.size * dtypeInfo(view.dtype).itemsize);
  const target = memory.view(view.dtype, { shape: view.shape, strides: shape2strides(view.shape, order) });
  assign(view, target);
  return target as View<D, 'C' | 'F', 0>;
}

/**
 * A C-contiguous copy of `view`, the explicit fix for a NonContiguousError. Unlike NumPy's
 * `ascontiguousarray` it always copies, so whether memory is shared never depends on the input.
 */
export function ascontiguous<D extends DType>(view: View<D>): View<D, 'C', 0> {
  return copy(view, 'C');
}
