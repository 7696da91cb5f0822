// Reshaping and flattening strided arrays (the reshape users build on scijs/ndarray's constructor):
// reinterpreting `.data` with a new shape is only valid when the view is C-contiguous, so that is
// checked first and anything else is packed into fresh row-major storage before the data is reused.
export type Data = Float64Array | Float32Array;

export interface NdArray {
  data: Data;
  shape: number[];
  stride: number[];
  offset: number;
}

export function size(shape: number[]): number {
  return shape.reduce((n, d) => n * d, 1);
}

function rowMajorStride(shape: number[]): number[] {
  const stride = new Array<number>(shape.length);
  let step = 1;
  for (let d = shape.length - 1; d >= 0; d--) {
    stride[d] = step;
    step *= shape[d]!;
  }
  return stride;
}

/** Whether the view's elements, in row-major order, are consecutive in `data`. */
export function isContiguous(a: NdArray): boolean {
  let expected = 1;
  for (let d = a.shape.length - 1; d >= 0; d--) {
    if (a.shape[d] !== 1 && a.stride[d] !== expected) return false;
    expected *= a.shape[d]!;
  }
  return true;
}

/** A row-major copy of any view. */
export function pack(a: NdArray): NdArray {
  const n = size(a.shape);
  const out = new (a.data.constructor as { new (length: number): Data })(n);
  const index = new Array<number>(a.shape.length).fill(0);
  for (let k = 0; k < n; k++) {
    let at = a.offset;
    for (let d = 0; d < index.length; d++) at += index[d]! * a.stride[d]!;
    out[k] = a.data[at]!;
    for (let d = index.length - 1; d >= 0; d--) {
      if (++index[d]! < a.shape[d]!) break;
      index[d] = 0;
    }
  }
  return { data: out, shape: a.shape.slice(), stride: rowMajorStride(a.shape), offset: 0 };
}

/** The view's elements as one linear array: a subarray when contiguous, else a packed copy. */
export function flatten(a: NdArray): Data {
  const source = isContiguous(a) ? a : pack(a);
  return source.data.subarray(source.offset, source.offset + size(source.shape));
}

export function reshape(a: NdArray, shape: number[]): NdArray {
  if (size(shape) !== size(a.shape)) throw new RangeError(`cannot reshape ${a.shape} into ${shape}`);
  return { data: flatten(a), shape, stride: rowMajorStride(shape), offset: 0 };
}

/** A linear kernel over a flat buffer, as a BLAS-style routine expects it. */
export function dot(x: Data, y: Data): number {
  let sum = 0;
  for (let i = 0; i < x.length; i++) sum += x[i]! * y[i]!;
  return sum;
}

/** Frobenius inner product of two same-shaped views. */
export function innerProduct(a: NdArray, b: NdArray): number {
  return dot(flatten(a), flatten(b));
}
