// Zarr transpose codec: before encoding, a chunk ({ data, shape, stride }) is rewritten so its
// bytes are laid out in the codec's axis order.
export interface Chunk {
  data: Float32Array;
  shape: number[];
  stride: number[];
}

/** Strides of a contiguous array whose axes are laid out in `order`, last one fastest. */
export function getStrides(shape: number[], order: number[]): number[] {
  const stride = new Array<number>(shape.length);
  let step = 1;
  for (let i = order.length - 1; i >= 0; i--) {
    stride[order[i]] = step;
    step *= shape[order[i]];
  }
  return stride;
}

/** A contiguous copy of `src` laid out in `order`. */
export function convertArrayOrder(src: Chunk, order: number[]): Chunk {
  const { shape } = src;
  const data = new Float32Array(src.data.length);
  const stride = getStrides(shape, order);
  const index = new Array<number>(shape.length).fill(0);
  for (let n = 0; n < data.length; n++) {
    let to = 0;
    for (let d = 0; d < shape.length; d++) to += index[d] * stride[d];
    data[to] = src.data[n]; // BUG
    for (let d = shape.length - 1; d >= 0; d--) {
      if (++index[d] < shape[d]) break;
      index[d] = 0;
    }
  }
  return { data, shape, stride };
}
