import type { DType } from '../dtype.js';
import { dtypeInfo } from '../dtype.js';
import { ShapeError } from '../errors.js';
import { shape2strides, type Order } from '../layout/index.js';
import { Memory, type AllocOptions } from '../memory.js';
import type { View } from '../view.js';
import { assign } from './updates.js';

/**
 * A copy of `view` in new memory, laid out in C order (or F order when asked), placed as
 * {@link Memory.alloc} places it. Always copies, even when the view is already contiguous: the
 * result never shares memory with the input.
 */
export function copy<D extends DType>(view: View<D>, order?: 'C', options?: AllocOptions): View<D, 'C', 0>;
export function copy<D extends DType>(view: View<D>, order: 'F', options?: AllocOptions): View<D, 'F', 0>;
export function copy<D extends DType>(view: View<D>, order: Order, options?: AllocOptions): View<D, 'C' | 'F', 0>;
export function copy<D extends DType>(
  view: View<D>,
  order: Order = 'C',
  options?: AllocOptions,
): View<D, 'C' | 'F', 0> {
  if (order !== 'C' && order !== 'F') throw new ShapeError(`order must be 'C' or 'F', got ${String(order)}`);
  const memory = Memory.allocForCopy(view.size * dtypeInfo(view.dtype).itemsize, options);
  const target = memory.view(view.dtype, { shape: view.shape, strides: shape2strides(view.shape, order) });
  assign(view, target);
  return target as View<D, 'C' | 'F', 0>;
}

/**
 * A C-contiguous copy of `view`, the explicit fix for a NonContiguousError. Unlike NumPy's
 * `ascontiguousarray` it always copies, so whether memory is shared never depends on the input.
 * `{ placement: 'wasm' }` puts the copy in the runtime's wasm heap (with a source there, the SIMD
 * module does the copy).
 */
export function ascontiguous<D extends DType>(view: View<D>, options?: AllocOptions): View<D, 'C', 0> {
  return copy(view, 'C', options);
}
