/**
 * NumPy's C_CONTIGUOUS flag (`_UpdateContiguousFlags`): strides match a C-order walk, ignoring
 * axes of length 1, and any array with a zero-length axis is contiguous by definition.
 */
export function isCContiguous(shape: readonly number[], strides: readonly number[]): boolean {
  let expected = 1;
  let contiguous = true;
  for (let i = shape.length - 1; i >= 0; i--) {
    const dim = shape[i]!;
    if (dim === 0) return true;
    if (dim !== 1) {
      if (strides[i] !== expected) contiguous = false;
      expected *= dim;
    }
  }
  return contiguous;
}

/** NumPy's F_CONTIGUOUS flag: as {@link isCContiguous}, walking the axes first to last. */
export function isFContiguous(shape: readonly number[], strides: readonly number[]): boolean {
  let expected = 1;
  let contiguous = true;
  for (let i = 0; i < shape.length; i++) {
    const dim = shape[i]!;
    if (dim === 0) return true;
    if (dim !== 1) {
      if (strides[i] !== expected) contiguous = false;
      expected *= dim;
    }
  }
  return contiguous;
}
