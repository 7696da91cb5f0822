// scijs `ndarray` and `ndarray-ops` (installed as dev dependencies, which ship no types), typed the
// way `@types/ndarray` and `@types/ndarray-ops` type them, for the cases that use them.
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);

export type Data<T = number> =
  | T[]
  | Int8Array
  | Int16Array
  | Int32Array
  | Uint8Array
  | Uint16Array
  | Uint32Array
  | Float32Array
  | Float64Array
  | Uint8ClampedArray;

/** A strided view: element (i, j, ...) is data[offset + i * stride[0] + j * stride[1] + ...]. */
export interface NdArray<D extends Data = Data> {
  data: D;
  shape: number[];
  stride: number[];
  offset: number;
  readonly size: number;
  readonly dimension: number;
  get(...args: number[]): number;
  set(...args: number[]): number;
  index(...args: number[]): number;
  lo(...args: (number | null)[]): NdArray<D>;
  hi(...args: (number | null)[]): NdArray<D>;
  step(...args: (number | null)[]): NdArray<D>;
  transpose(...args: number[]): NdArray<D>;
  pick(...args: (number | null)[]): NdArray<D>;
}

/** `require('ndarray')`: a view of `data` with `shape` and (by default row-major) `stride`. */
export const ndarray: <D extends Data>(
  data: D,
  shape?: number[],
  stride?: number[],
  offset?: number,
) => NdArray<D> = require('ndarray');

/** The part of `require('ndarray-ops')` the cases use: `assign(dest, src)` copies element-wise. */
export const ops: { assign(dest: NdArray, src: NdArray): NdArray } = require('ndarray-ops');
