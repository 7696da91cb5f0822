import type { Order } from './shape2strides.js';

/**
 * NumPy's C_CONTIGUOUS flag (`_UpdateContiguousFlags`): strides match a C-order walk, ignoring
 * axes of length 1, and any array with a zero-length axis is contiguous by definition.
 */
export function isCContiguous(shape: readonly number[], strides: readonly number[]): boolean {
  return isContiguous(shape, strides, 'C');
}

/** NumPy's F_CONTIGUOUS flag: as {@link isCContiguous}, walking the axes first to last. */
export function isFContiguous(shape: readonly number[], strides: readonly number[]): boolean {
  return isContiguous(shape, strides, 'F');
}

function isContiguous(shape: readonly number[], strides: readonly number[], order: Order): boolean {
  const ndim = shape.length;
  let expected = 1;
  let contiguous = true;
  for (let k = 0; k < ndim; k++) {
    // C order checks the last axis first (it has the smallest stride), F order the first.
    const axis = order === 'C' ? ndim - 1 - k : k;
    const dim = shape[axis]!;
    if (dim === 0) return true;
    if (dim !== 1) {
      if (strides[axis] !== expected) contiguous = false;
      expected *= dim;
    }
  }
  return contiguous;
}
