import { ShapeError } from '../errors.js';
import { numel } from './shape2strides.js';

/** NumPy's limit (NPY_MAXDIMS) in NumPy 2. */
export const MAX_NDIM = 64;

function isNonNegativeInteger(value: unknown): value is number {
  return typeof value === 'number' && Number.isSafeInteger(value) && value >= 0;
}

/** A non-negative safe integer, or a ShapeError that says which argument was wrong and how. */
export function checkSize(value: unknown, what: string): number {
  if (!isNonNegativeInteger(value)) {
    throw new ShapeError(`${what} must be a non-negative integer, got ${String(value)}`);
  }
  return value;
}

/** A copy of `shape` with every entry checked: non-negative integers, at most 64 axes. */
export function checkShape(shape: unknown): number[] {
  if (!Array.isArray(shape)) {
    throw new ShapeError(`shape must be an array of non-negative integers, got ${String(shape)}`);
  }
  if (shape.length > MAX_NDIM) {
    throw new ShapeError(`shape has ${shape.length} axes; at most ${MAX_NDIM} are supported`);
  }
  // Array.from visits the holes of a sparse array, which map skips.
  const checked = Array.from(shape as unknown[], (dim, axis) => {
    if (!isNonNegativeInteger(dim)) {
      throw new ShapeError(
        `shape[${axis}] must be a non-negative integer, got ${String(dim)} (in [${shape.join(', ')}])`,
      );
    }
    return dim;
  });
  checkElementCount(checked);
  return checked;
}

/** A shape whose element count is a safe integer: past 2^53 − 1, sizes and positions lose exactness. */
export function checkElementCount(shape: readonly number[]): void {
  // An axis of 0 makes the count 0, though the product of the others may already be Infinity.
  if (!Number.isSafeInteger(numel(shape)) && !shape.includes(0)) {
    throw new ShapeError(
      `shape [${shape.join(', ')}] has more than 2^53 − 1 elements, the most a size can count exactly`,
    );
  }
}

/** A copy of `strides` checked against `ndim`: safe integers, negative and zero allowed. */
export function checkStrides(strides: unknown, ndim: number): number[] {
  if (!Array.isArray(strides) || strides.length !== ndim) {
    throw new ShapeError(
      `strides must be an array of ${ndim} integers (one per axis of the shape), got ${Array.isArray(strides) ? `${strides.length} entries` : String(strides)}`,
    );
  }
  return Array.from(strides as unknown[], (stride, axis) => {
    if (typeof stride !== 'number' || !Number.isSafeInteger(stride)) {
      throw new ShapeError(`strides[${axis}] must be an integer number of elements, got ${String(stride)}`);
    }
    return stride;
  });
}
