import { ShapeError } from '../errors.js';

/**
 * A checked axis permutation: `axes` must name every axis once; negative axes count from the end.
 * Without `axes`, the axes are reversed (NumPy's default).
 */
export function checkPermutation(ndim: number, axes?: readonly number[]): number[] {
  if (axes === undefined) return Array.from({ length: ndim }, (_, i) => ndim - 1 - i);
  if (!Array.isArray(axes) || axes.length !== ndim) {
    throw new ShapeError(`transpose needs one axis per dimension (${ndim}), got [${String(axes)}]`);
  }
  const seen = new Array<boolean>(ndim).fill(false);
  // Array.from visits the holes of a sparse array, which map skips.
  return Array.from(axes, (axis: unknown) => {
    if (typeof axis !== 'number' || !Number.isInteger(axis) || axis < -ndim || axis >= ndim) {
      throw new ShapeError(`axis ${String(axis)} is out of range for a ${ndim}-dimensional view`);
    }
    const normalized = axis < 0 ? axis + ndim : axis;
    if (seen[normalized]) throw new ShapeError(`axis ${axis} repeats in transpose([${axes.join(', ')}])`);
    seen[normalized] = true;
    return normalized;
  });
}
