import { dtypeInfo, dtypeOf, type DType, type Scalar, type TypedArrayByDType } from './dtype.js';
import { NonContiguousError, ShapeError } from './errors.js';
import { numel } from './layout/index.js';
import { checkShape } from './layout/validate.js';
import { Memory } from './memory.js';
import type { Layout, View } from './view.js';

/**
 * A new C-contiguous view holding `values` (checked against the dtype), in `shape` or 1-D.
 * JS numbers have no memory to share, so this always copies.
 */
export function fromValues<D extends DType>(
  dtype: D,
  values: ArrayLike<Scalar<D>>,
  shape?: readonly number[],
): View<D, 'C', 0> {
  const info = dtypeInfo(dtype);
  const dims = shape === undefined ? [values.length] : checkShape(shape);
  if (numel(dims) !== values.length) {
    throw new ShapeError(`${values.length} values do not fill shape [${dims.join(', ')}] (${numel(dims)} elements)`);
  }
  const view = Memory.alloc(values.length * info.itemsize).view(dtype, { shape: dims });
  const array = view.liveArray() as unknown as Scalar<D>[];
  for (let i = 0; i < values.length; i++) array[i] = info.check(values[i]);
  return view;
}

/** The typed array's elements as a view over exactly its bytes (never the rest of its buffer). No copy. */
export function viewOf<T extends TypedArrayByDType[DType]>(
  array: T,
  shape?: readonly number[],
): View<DTypeOfArray<T>, 'C', 0> {
  const dtype = dtypeOf(array) as DTypeOfArray<T>;
  return Memory.fromTypedArray(array).view(dtype, { shape: shape ?? [array.length] });
}

type DTypeOfArray<T> = { [D in DType]: T extends TypedArrayByDType[D] ? D : never }[DType];

/** The same view typed as C-contiguous, after checking that it is; NonContiguousError otherwise. Never copies. */
export function checkContiguous<D extends DType, G extends number>(view: View<D, Layout, G>): View<D, 'C', G> {
  if (!view.isCContiguous) {
    throw new NonContiguousError(
      `expected a C-contiguous view, got shape [${view.shape.join(', ')}] with strides [${view.strides.join(', ')}]; ascontiguous(view) makes an explicit copy`,
    );
  }
  return view as View<D, 'C', G>;
}
