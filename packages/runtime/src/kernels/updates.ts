import type { DType, FloatDType, Scalar } from '../dtype.js';
import { dtypeInfo } from '../dtype.js';
import { DtypeError } from '../errors.js';
import { forEachRow, inMemoryOrder, rowLength, rowStride, type Operand } from '../layout/index.js';
import type { Layout, View } from '../view.js';
import { gaxpy } from './base/gaxpy.js';
import { gcopy, type Indexable } from './base/gcopy.js';
import { gfill } from './base/gfill.js';
import { gscal } from './base/gscal.js';
import { readableSource, requireC, requireFloat, requireSameDtype, requireSameShape } from './require.js';
import { inWasm } from './wasm/dispatch.js';

/** `y += alpha * x` over two C-contiguous float views of one shape, read linearly. */
export function axpy<D extends FloatDType>(alpha: number, x: View<D, 'C'>, y: View<NoInfer<D>, 'C'>): void {
  const source = checkAxpy(alpha, x, y);
  requireC(x, 'axpy');
  requireC(y, 'axpy');
  const xs = source.liveArray();
  const ys = y.liveArray();
  const wasm = inWasm([source, y]);
  if (wasm !== undefined) {
    const {
      kernels,
      addresses: [ax, ay],
    } = wasm;
    if (x.dtype === 'f64') kernels.axpy_f64(alpha, ax, ay, x.size);
    else kernels.axpy_f32(alpha, ax, ay, x.size);
    return;
  }
  gaxpy.ndarray(x.size, alpha, xs, 1, source.offset, ys, 1, y.offset);
}

/** {@link axpy} for views of any layout, walked in the memory order of `y`. */
export function axpyStrided<D extends FloatDType>(alpha: number, x: View<D>, y: View<NoInfer<D>>): void {
  const source = checkAxpy(alpha, x, y);
  const xs = source.liveArray();
  const ys = y.liveArray();
  const { shape, operands } = inMemoryOrder(y.shape, [y, source]);
  const n = rowLength(shape);
  const strideY = rowStride(operands[0]!.strides);
  const strideX = rowStride(operands[1]!.strides);
  forEachRow(shape, operands, ([oy, ox]) => gaxpy.ndarray(n, alpha, xs, strideX, ox!, ys, strideY, oy!));
}

/** Checks axpy's operands, and gives the `x` to read. */
function checkAxpy<D extends FloatDType, L extends Layout>(alpha: number, x: View<D, L>, y: View): View<D, L> {
  requireAlpha(alpha, 'axpy');
  requireFloat(x, 'axpy');
  requireSameDtype(x, y, 'axpy');
  requireSameShape(x, y, 'axpy');
  return readableSource(x, y, 'axpy', true);
}

/** `x *= alpha` over a C-contiguous float view, read linearly. */
export function scale(alpha: number, x: View<FloatDType, 'C'>): void {
  requireAlpha(alpha, 'scale');
  requireFloat(x, 'scale');
  requireC(x, 'scale');
  const array = x.liveArray();
  const wasm = inWasm([x]);
  if (wasm !== undefined) {
    const { kernels, addresses } = wasm;
    if (x.dtype === 'f64') kernels.scal_f64(alpha, addresses[0], x.size);
    else kernels.scal_f32(alpha, addresses[0], x.size);
    return;
  }
  gscal.ndarray(x.size, alpha, array, 1, x.offset);
}

/** {@link scale} for a view of any layout, walked in memory order. */
export function scaleStrided(alpha: number, x: View<FloatDType>): void {
  requireAlpha(alpha, 'scale');
  requireFloat(x, 'scale');
  const array = x.liveArray();
  const { shape, operands } = inMemoryOrder(x.shape, [x]);
  const n = rowLength(shape);
  const stride = rowStride(operands[0]!.strides);
  forEachRow(shape, operands, ([offset]) => gscal.ndarray(n, alpha, array, stride, offset!));
}

/** Sets every element of a C-contiguous view (any dtype) to `value`, written linearly. */
export function fill<D extends DType>(x: View<D, 'C'>, value: Scalar<D>): void {
  const checked = dtypeInfo(x.dtype).check(value);
  requireC(x, 'fill');
  const array = x.liveArray() as unknown as { fill(value: Scalar<D>, start: number, end: number): unknown };
  // TypedArray#fill is the engine's own loop (a memset for zero); the SIMD kernel is no faster.
  array.fill(checked, x.offset, x.offset + x.size);
}

/** {@link fill} for a view of any layout, written in memory order. */
export function fillStrided<D extends DType>(x: View<D>, value: Scalar<D>): void {
  const checked = dtypeInfo(x.dtype).check(value);
  const array = x.liveArray() as unknown as Scalar<D>[];
  const { shape, operands } = inMemoryOrder(x.shape, [x]);
  const n = rowLength(shape);
  const stride = rowStride(operands[0]!.strides);
  forEachRow(shape, operands, ([offset]) => gfill.ndarray(n, checked, array, stride, offset!));
}

/**
 * Copies `source` into `target` element by element: any layout into any layout, one dtype, one
 * shape. Contiguous runs are copied by the engine (`TypedArray#set`); a 2-D transpose goes tile by
 * tile; anything else row by row in the memory order of the target.
 */
export function assign<D extends DType>(source: View<D>, target: View<NoInfer<D>>): void {
  requireSameDtype(source, target, 'assign');
  requireSameShape(source, target, 'assign');
  const input = readableSource(source, target, 'assign', true);
  const from = input.liveArray();
  const to = target.liveArray();
  if (input.isCContiguous && target.isCContiguous) {
    to.set(from.subarray(input.offset, input.offset + input.size) as never, target.offset);
    return;
  }
  const { shape, operands } = inMemoryOrder(target.shape, [target, input]);
  const [into, out] = operands as [Operand, Operand];
  if (shape.length === 2 && Math.abs(into.strides[1]!) === 1 && Math.abs(out.strides[0]!) < Math.abs(out.strides[1]!)) {
    if (!copyTilesInWasm(input, target, shape, out, into)) copyTiles(shape[0]!, shape[1]!, from, out, to, into);
    return;
  }
  const n = rowLength(shape);
  const strideFrom = rowStride(out.strides);
  const strideTo = rowStride(into.strides);
  const fromItems = from as unknown as Scalar<D>[];
  const toItems = to as unknown as Scalar<D>[];
  forEachRow(shape, operands, ([b, a]) => gcopy.ndarray(n, fromItems, strideFrom, a!, toItems, strideTo, b!));
}

/** The tiled 2-D copy by the SIMD module, when both views are f64/f32 in one wasm memory and the target is C-ordered. */
function copyTilesInWasm(source: View, target: View, shape: readonly number[], out: Operand, into: Operand): boolean {
  if ((source.dtype !== 'f64' && source.dtype !== 'f32') || into.strides[0] !== shape[1] || into.strides[1] !== 1)
    return false;
  const wasm = inWasm([source, target]);
  if (wasm === undefined) return false;
  const {
    kernels,
    addresses: [from, to],
  } = wasm;
  const [rows, cols] = shape as [number, number];
  const [sr, sc] = out.strides as [number, number];
  if (source.dtype === 'f64') kernels.copy2d_f64(from, to, rows, cols, sr * 8, sc * 8);
  else kernels.copy2d_f32(from, to, rows, cols, sr * 4, sc * 4);
  return true;
}

/** Tiles small enough that a tile of source rows and target rows stays in the first-level cache. */
const TILE = 16;

/**
 * A 2-D copy whose source runs across the target's rows (a transpose): row by row, every source
 * read would miss the cache; tile by tile, each loaded line is used `TILE` times.
 */
function copyTiles(
  rows: number,
  cols: number,
  from: Indexable<unknown>,
  out: Operand,
  to: Indexable<unknown>,
  into: Operand,
): void {
  const [sr, sc] = out.strides as [number, number];
  const [tr, tc] = into.strides as [number, number];
  for (let ib = 0; ib < rows; ib += TILE) {
    const iEnd = Math.min(ib + TILE, rows);
    for (let jb = 0; jb < cols; jb += TILE) {
      const jEnd = Math.min(jb + TILE, cols);
      for (let i = ib; i < iEnd; i++) {
        let s = out.offset + i * sr + jb * sc;
        let t = into.offset + i * tr + jb * tc;
        for (let j = jb; j < jEnd; j++, s += sc, t += tc) to[t] = from[s];
      }
    }
  }
}

function requireAlpha(alpha: number, kernel: string): void {
  if (typeof alpha !== 'number')
    throw new DtypeError(`kernels.${kernel} takes a number for alpha, got ${typeof alpha}`);
}
