// N-dimensional array over a Float64Array (excerpt).
export class NDArray {
  constructor(
    public data: Float64Array,
    public shape: number[],
    public strides: number[] = shape.map((_, d) => shape.slice(d + 1).reduce((a, b) => a * b, 1)),
  ) {}

  get T(): NDArray {
    return new NDArray(this.data, [...this.shape].reverse(), [...this.strides].reverse());
  }

  get(...indices: number[]): number {
    return this.data[indices.reduce((offset, index, d) => offset + index * this.strides[d], 0)];
  }

  /** Nested plain arrays, outermost axis first. */
  toArray(): unknown[] {
    const { data, shape, strides } = this;
    const build = (d: number, offset: number): unknown[] =>
      d === shape.length - 1
        ? Array.from({ length: shape[d] }, (_, k) => data[offset + k * strides[d]])
        : Array.from({ length: shape[d] }, (_, k) => build(d + 1, offset + k * strides[d]));
    return build(0, 0);
  }
}

export function array(rows: number[][]): NDArray {
  return new NDArray(Float64Array.from(rows.flat()), [rows.length, rows[0].length]);
}
