import { IndexError, OutOfBoundsError, ShapeError } from '../errors.js';
import { MAX_NDIM } from './validate.js';
import type { IndexItem } from './parse-index.js';

export interface StridedLayout {
  readonly shape: readonly number[];
  readonly strides: readonly number[];
  readonly offset: number;
}

/**
 * Applies a parsed basic index to a layout, exactly as NumPy does: integers drop an axis, slices
 * keep it with Python's `slice.indices` clamping, `...` stands for as many full slices as needed,
 * and `None` inserts a length-1 axis with stride 0. The result shares memory with the input.
 */
export function applyIndex(layout: StridedLayout, items: readonly IndexItem[]): StridedLayout {
  const ndim = layout.shape.length;
  let consumed = 0;
  let ellipses = 0;
  for (const item of items) {
    if (item.kind === 'integer' || item.kind === 'slice') consumed++;
    else if (item.kind === 'ellipsis') ellipses++;
  }
  if (ellipses > 1) throw new IndexError("an index can only have a single ellipsis ('...')");
  if (consumed > ndim) {
    throw new IndexError(`too many indices: the view is ${ndim}-dimensional, but ${consumed} were indexed`);
  }

  const shape: number[] = [];
  const strides: number[] = [];
  let offset = layout.offset;
  let axis = 0;
  const keepAxis = (): void => {
    shape.push(layout.shape[axis]!);
    strides.push(layout.strides[axis]!);
    axis++;
  };

  for (const item of items) {
    switch (item.kind) {
      case 'ellipsis':
        for (let n = ndim - consumed; n > 0; n--) keepAxis();
        break;
      case 'newaxis':
        shape.push(1);
        strides.push(0);
        break;
      case 'integer': {
        const size = layout.shape[axis]!;
        const index = item.value < 0 ? item.value + size : item.value;
        if (index < 0 || index >= size) {
          throw new OutOfBoundsError(`index ${item.value} is out of bounds for axis ${axis} with size ${size}`);
        }
        offset += index * layout.strides[axis]!;
        axis++;
        break;
      }
      case 'slice': {
        const size = layout.shape[axis]!;
        const indices = sliceIndices(item, size);
        const { length } = indices;
        // NumPy (mapping.c) resets an empty slice to start 0, step 1, so that `a[::-1][:0]`-style
        // results keep a non-negative stride and the offset of the axis start.
        const start = length === 0 ? 0 : indices.start;
        const step = length === 0 ? 1 : indices.step;
        offset += start * layout.strides[axis]!;
        shape.push(length);
        strides.push(layout.strides[axis]! * step);
        axis++;
        break;
      }
    }
  }
  while (axis < ndim) keepAxis();
  if (shape.length > MAX_NDIM)
    throw new ShapeError(`the index makes ${shape.length} axes; at most ${MAX_NDIM} are supported`);
  return { shape, strides, offset };
}

/** CPython's `PySlice_AdjustIndices`: clamp start and stop into the axis, then count the steps. */
export function sliceIndices(
  slice: { readonly start: number | null; readonly stop: number | null; readonly step: number | null },
  size: number,
): { start: number; stop: number; step: number; length: number } {
  const step = slice.step ?? 1;
  if (step === 0) throw new IndexError('slice step cannot be zero');
  const clamp = (bound: number | null, fallback: number): number => {
    if (bound === null) return fallback;
    if (bound < 0) {
      const wrapped = bound + size;
      return wrapped < 0 ? (step < 0 ? -1 : 0) : wrapped;
    }
    return bound >= size ? (step < 0 ? size - 1 : size) : bound;
  };
  const start = clamp(slice.start, step < 0 ? size - 1 : 0);
  const stop = clamp(slice.stop, step < 0 ? -1 : size);
  let length = 0;
  if (step < 0) {
    if (stop < start) length = Math.floor((start - stop - 1) / -step) + 1;
  } else if (start < stop) {
    length = Math.floor((stop - start - 1) / step) + 1;
  }
  return { start, stop, step, length };
}
