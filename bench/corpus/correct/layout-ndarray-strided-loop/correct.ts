// A small strided n-d array in the style of scijs/ndarray: transpose/step/hi/lo/pick only change the
// shape, stride and offset of a view over the same data, and every reader walks the shape and goes
// through stride and offset, so views of any layout read correctly without copying first.
export type Data = Float64Array | Float32Array | Int32Array | Uint8Array;

export class NdArray {
  constructor(
    readonly data: Data,
    readonly shape: number[],
    readonly stride: number[],
    readonly offset: number,
  ) {}

  get dimension(): number {
    return this.shape.length;
  }

  index(...coords: number[]): number {
    let at = this.offset;
    for (let d = 0; d < coords.length; d++) at += coords[d]! * this.stride[d]!;
    return at;
  }

  get(...coords: number[]): number {
    return this.data[this.index(...coords)]!;
  }

  set(...args: number[]): void {
    const value = args.pop()!;
    this.data[this.index(...args)] = value;
  }

  transpose(...order: number[]): NdArray {
    return new NdArray(this.data, order.map(d => this.shape[d]!), order.map(d => this.stride[d]!), this.offset);
  }

  /** Every step[d]-th element along each axis; a negative step walks the axis backwards. */
  step(...steps: number[]): NdArray {
    let offset = this.offset;
    const shape = this.shape.slice();
    const stride = this.stride.slice();
    steps.forEach((s, d) => {
      if (s < 0) {
        offset += stride[d]! * (shape[d]! - 1);
        shape[d] = Math.ceil(-shape[d]! / s);
      } else {
        shape[d] = Math.ceil(shape[d]! / s);
      }
      stride[d] = stride[d]! * s;
    });
    return new NdArray(this.data, shape, stride, offset);
  }

  lo(...starts: number[]): NdArray {
    let offset = this.offset;
    const shape = this.shape.slice();
    starts.forEach((s, d) => {
      offset += s * this.stride[d]!;
      shape[d] = shape[d]! - s;
    });
    return new NdArray(this.data, shape, this.stride.slice(), offset);
  }

  hi(...ends: number[]): NdArray {
    return new NdArray(this.data, this.shape.map((n, d) => Math.min(n, ends[d] ?? n)), this.stride.slice(), this.offset);
  }
}

/** A view over `data` with C (row-major) strides unless given others. */
export function ndarray(data: Data, shape: number[], stride?: number[], offset = 0): NdArray {
  if (stride === undefined) {
    stride = new Array(shape.length);
    let size = 1;
    for (let d = shape.length - 1; d >= 0; d--) {
      stride[d] = size;
      size *= shape[d]!;
    }
  }
  return new NdArray(data, shape, stride, offset);
}

/** Nested plain arrays of a 2-d view, in its logical order (ndarray-unpack). */
export function unpack2d(a: NdArray): number[][] {
  const [rows, cols] = a.shape as [number, number];
  const [rowStride, colStride] = a.stride as [number, number];
  const out: number[][] = [];
  for (let i = 0; i < rows; i++) {
    const row: number[] = [];
    let at = a.offset + i * rowStride;
    for (let j = 0; j < cols; j++, at += colStride) row.push(a.data[at]!);
    out.push(row);
  }
  return out;
}

/** Adds `b` into `a` element-wise; both may be arbitrary views of the same shape. */
export function addeq(a: NdArray, b: NdArray): void {
  const [rows, cols] = a.shape as [number, number];
  for (let i = 0; i < rows; i++) {
    for (let j = 0; j < cols; j++) {
      a.data[a.offset + i * a.stride[0]! + j * a.stride[1]!] += b.data[b.offset + i * b.stride[0]! + j * b.stride[1]!]!;
    }
  }
}
