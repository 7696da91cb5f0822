import { ShapeError } from '../errors.js';
import { checkElementCount, MAX_NDIM } from './validate.js';
import { isCContiguous } from './is-contiguous.js';
import { numel, shape2strides } from './shape2strides.js';

/**
 * Resolves a requested shape against `size` elements: at most one `-1`, which takes whatever
 * length makes the sizes agree (NumPy's `_fix_unknown_dimension`).
 */
export function resolveShape(requested: readonly number[], size: number): number[] {
  if (requested.length > MAX_NDIM)
    throw new ShapeError(`shape has ${requested.length} axes; at most ${MAX_NDIM} are supported`);
  let unknown = -1;
  let known = 1;
  // Indices, not forEach: a sparse array's holes must be checked too.
  for (let axis = 0; axis < requested.length; axis++) {
    const dim: unknown = requested[axis];
    if (dim === -1) {
      if (unknown !== -1) throw new ShapeError('reshape can only infer one dimension: the shape has more than one -1');
      unknown = axis;
    } else if (typeof dim !== 'number' || !Number.isSafeInteger(dim) || dim < 0) {
      throw new ShapeError(`shape[${axis}] must be a non-negative integer or -1, got ${String(dim)}`);
    } else {
      known *= dim;
    }
  }
  const shape = [...requested];
  checkElementCount(shape.map(dim => (dim === -1 ? 1 : dim)));
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
 * The layout of `shape`/`strides` reshaped to `requested` (one axis may be `-1`) without moving any
 * element, or `null` when only a copy could produce it. This is NumPy's `PyArray_Newshape` with
 * `copy=False`, step for step: a request equal to the current shape (compared before `-1` is
 * resolved) keeps the strides; a C-contiguous input takes fresh C strides; otherwise
 * `_attempt_nocopy_reshape` merges runs of old axes that are contiguous with each other.
 */
export function reshapeLayout(
  shape: readonly number[],
  strides: readonly number[],
  requested: readonly number[],
): { shape: number[]; strides: number[] } | null {
  // Asked as the shape it already has (a hole in `requested` is no match: it goes on to be refused).
  if (requested.length === shape.length && shape.every((dim, axis) => requested[axis] === dim)) {
    return { shape: [...shape], strides: [...strides] };
  }
  const newShape = resolveShape(requested, numel(shape));
  const newStrides = reshapeStrides(shape, strides, newShape);
  return newStrides === null ? null : { shape: newShape, strides: newStrides };
}

/** The strides for an already resolved `newShape` of the same size, or `null` when a copy is needed. */
function reshapeStrides(
  shape: readonly number[],
  strides: readonly number[],
  newShape: readonly number[],
): number[] | null {
  // An empty array is C-contiguous by NumPy's rule; saying so here also keeps the axis-merging
  // loop below from ever seeing a zero length, which it could not match.
  if (numel(shape) === 0 || isCContiguous(shape, strides)) return shape2strides(newShape, 'C');

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
