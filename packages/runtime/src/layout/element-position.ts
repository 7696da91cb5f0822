import { IndexError, OutOfBoundsError } from '../errors.js';

/** What is indexed, for the error messages and the rule on negative indices. */
export type Indexed = 'view' | 'pointer';

/**
 * The position of element `index` when it is one in-range, non-negative integer per axis of a 1-D
 * or 2-D layout; otherwise -1, and {@link elementPosition} decides. A loop over `ptr.get(i)` pays
 * for every instruction here, so the axes come as numbers the caller keeps, not as arrays to walk;
 * `i >>> 0 === i` holds exactly for the integers 0 … 2^32 − 1.
 */
export function directPosition(
  index: readonly number[],
  rank: number,
  offset: number,
  length0: number,
  stride0: number,
  length1: number,
  stride1: number,
): number {
  if (index.length === rank) {
    const i = index[0]!;
    // `typeof` first: `>>>` throws the engine's TypeError on a bigint, and elementPosition names it.
    if (typeof i !== 'number') return -1;
    if (rank === 1) {
      if (i >>> 0 === i && i < length0) return offset + i * stride0;
    } else if (rank === 2) {
      const j = index[1]!;
      if (typeof j === 'number' && i >>> 0 === i && i < length0 && j >>> 0 === j && j < length1)
        return offset + i * stride0 + j * stride1;
    }
  }
  return -1;
}

/**
 * The position of element `index` (one integer per axis) in a strided layout, or IndexError /
 * OutOfBoundsError naming the axis. Views count negative indices from the end, as NumPy does;
 * raw pointers refuse them, as a typed array would give `undefined`.
 */
export function elementPosition(
  indexed: Indexed,
  shape: readonly number[],
  strides: readonly number[],
  offset: number,
  index: readonly number[],
): number {
  const ndim = shape.length;
  if (index.length !== ndim) {
    const hint = indexed === 'view' ? '; use slice() for partial indexing' : '';
    throw new IndexError(
      `this ${indexed} is ${ndim}-dimensional and needs ${ndim} ${ndim === 1 ? 'index' : 'indices'}, got ${index.length}${hint}`,
    );
  }
  let position = offset;
  for (let axis = 0; axis < ndim; axis++) {
    const requested = index[axis]!;
    if (typeof requested === 'bigint')
      throw new IndexError(`index ${String(requested)}n for axis ${axis} is a bigint; pass a number (Number(i))`);
    if (!Number.isInteger(requested))
      throw new IndexError(`index ${String(requested)} for axis ${axis} is not an integer`);
    const size = shape[axis]!;
    const i = requested < 0 && indexed === 'view' ? requested + size : requested;
    if (i < 0 || i >= size)
      throw new OutOfBoundsError(`index ${requested} is out of bounds for axis ${axis} with size ${size}`);
    position += i * strides[axis]!;
  }
  return position;
}
