import { ShapeError } from '../errors.js';
import { isCContiguous } from './is-contiguous.js';
import { numel, shape2strides } from './shape2strides.js';

/**
 * Resolves a requested shape against `size` elements: at most one `-1`, which takes whatever
 * length makes the sizes agree (NumPy's `_fix_unknown_dimension`).
 */
export function resolveShape(requested: readonly number[], size: number): number[] {
  let unknown = -1;
  let known = 1;
  requested.forEach((dim, axis) => {
    if (dim === -1) {
      if (unknown !== -1) throw new ShapeError('reshape can only infer one dimension: the shape has more than one -1');
      unknown = axis;
    } else if (typeof dim !== 'number' || !Number.isSafeInteger(dim) || dim < 0) {
      throw new ShapeError(`shape[${axis}] must be a non-negative integer or -1, got ${String(dim)}`);
    } else {
      known *= dim;
    }
  });
  const shape = [...requested];
  if (unknown !== -1) {
    if (known === 0 || size % known !== 0) throw sizeMismatch(requested, size);
    shape[unknown] = size / known;
  } else if (known !== size) {
    throw sizeMismatch(requested, size);
  }
  return shape;
}

function sizeMismatch(requested: readonly number[], size: number): ShapeError {
  return new ShapeError(`cannot reshape a view of size ${size} into shape [${requested.join(', ')}]`);
}

/**
 * New strides that lay `newShape` over the same elements in C order without moving any, or `null`
 * when no such strides exist and only a copy could produce the reshaped array. This follows
 * NumPy's `PyArray_Newshape` with `copy=False`: an unchanged shape keeps its strides, a C-contiguous input takes fresh C strides;
 * otherwise `_attempt_nocopy_reshape` merges runs of old axes that are contiguous with each other.
 */
export function reshapeStrides(shape: readonly number[], strides: readonly number[], newShape: readonly number[]): number[] | null {
  // NumPy returns a plain view, strides untouched, when the shape does not change.
  if (newShape.length === shape.length && newShape.every((dim, axis) => dim === shape[axis])) return [...strides];
  if (isCContiguous(shape, strides)) return shape2strides(newShape, 'C');
  if (numel(newShape) !== numel(shape)) return null;

  // Length-1 axes carry no layout information; dropping them removes special cases.
  const oldDims: number[] = [];
  const oldStrides: number[] = [];
  shape.forEach((dim, axis) => {
    if (dim !== 1) {
      oldDims.push(dim);
      oldStrides.push(strides[axis]!);
    }
  });

  const newStrides = new Array<number>(newShape.length).fill(0);
  let oi = 0;
  let oj = 1;
  let ni = 0;
  let nj = 1;
  while (ni < newShape.length && oi < oldDims.length) {
    let np = newShape[ni]!;
    let op = oldDims[oi]!;
    while (np !== op) {
      if (np < op) np *= newShape[nj++]!;
      else op *= oldDims[oj++]!;
    }
    for (let ok = oi; ok < oj - 1; ok++) {
      if (oldStrides[ok] !== oldDims[ok + 1]! * oldStrides[ok + 1]!) return null;
    }
    newStrides[nj - 1] = oldStrides[oj - 1]!;
    for (let nk = nj - 1; nk > ni; nk--) newStrides[nk - 1] = newStrides[nk]! * newShape[nk]!;
    ni = nj++;
    oi = oj++;
  }
  // Trailing length-1 axes of the new shape take the stride of the last axis placed.
  const lastStride = ni >= 1 ? newStrides[ni - 1]! : 1;
  for (let nk = ni; nk < newShape.length; nk++) newStrides[nk] = lastStride;
  return newStrides;
}
