export type Order = 'C' | 'F';

/**
 * Element strides of a contiguous array of `shape`, computed as NumPy's `_array_fill_strides`
 * does: a zero-length axis does not multiply the running stride, so `(2, 0, 3)` in C order gets
 * strides `(3, 3, 1)`, exactly what NumPy reports (divided by the item size).
 */
export function shape2strides(shape: readonly number[], order: Order = 'C'): number[] {
  const ndim = shape.length;
  const strides = new Array<number>(ndim);
  let stride = 1;
  for (let k = 0; k < ndim; k++) {
    // C order gives the last axis the unit stride, F order the first.
    const axis = order === 'C' ? ndim - 1 - k : k;
    strides[axis] = stride;
    const dim = shape[axis]!;
    if (dim !== 0) stride *= dim;
  }
  return strides;
}

/** The number of elements: the product of the shape (1 for a 0-d array). */
export function numel(shape: readonly number[]): number {
  let n = 1;
  for (const dim of shape) n *= dim;
  return n;
}
