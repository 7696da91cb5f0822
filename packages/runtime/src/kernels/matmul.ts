import type { FloatDType } from '../dtype.js';
import { dtypeInfo } from '../dtype.js';
import { ShapeError } from '../errors.js';
import { Memory } from '../memory.js';
import type { Layout, View } from '../view.js';
import { readableSource, requireFloat, requireSameDtype } from './require.js';
import { inWasm } from './wasm/dispatch.js';

/**
 * The matrix product of 2-D float views `a` (m×k) and `b` (k×n), of any layout, written into
 * `out` (m×n, any layout, not overlapping `a` or `b`) or into new C-contiguous memory.
 */
export function matmul<D extends FloatDType>(a: View<D>, b: View<NoInfer<D>>): View<D, 'C', 0>;
export function matmul<D extends FloatDType, L extends Layout, G extends number>(
  a: View<D>,
  b: View<NoInfer<D>>,
  out: View<NoInfer<D>, L, G>,
): View<D, L, G>;
export function matmul<D extends FloatDType>(a: View<D>, b: View<D>, out?: View<D>): View<D> {
  requireFloat(a, 'matmul');
  requireSameDtype(a, b, 'matmul');
  if (a.ndim !== 2 || b.ndim !== 2) {
    throw new ShapeError(
      `kernels.matmul multiplies 2-D views, got ${a.ndim}-D and ${b.ndim}-D; use slice() or reshape() to make them 2-D`,
    );
  }
  const [m, k] = a.shape as [number, number];
  const [kb, n] = b.shape as [number, number];
  if (k !== kb)
    throw new ShapeError(`kernels.matmul: shapes [${m}, ${k}] and [${kb}, ${n}] do not align (${k} != ${kb})`);
  const target = out ?? Memory.alloc(m * n * dtypeInfo(a.dtype).itemsize).view(a.dtype, { shape: [m, n] });
  requireSameDtype(a, target, 'matmul');
  if (target.ndim !== 2 || target.shape[0] !== m || target.shape[1] !== n) {
    throw new ShapeError(`kernels.matmul: out has shape [${target.shape.join(', ')}], expected [${m}, ${n}]`);
  }
  multiplyInto(readableSource(a, target, 'matmul'), readableSource(b, target, 'matmul'), target, m, n, k);
  return target;
}

/** `target = a · b` for checked operands that do not share memory with `target`. */
function multiplyInto<D extends FloatDType>(
  a: View<D>,
  b: View<D>,
  target: View<D>,
  m: number,
  n: number,
  k: number,
): void {
  const A = a.liveArray();
  const B = b.liveArray();
  const C = target.liveArray();
  if (matmulInWasm(a, b, target, m, n, k)) return;
  const [sa0, sa1] = a.strides as [number, number];
  const [sb0, sb1] = b.strides as [number, number];
  const [sc0, sc1] = target.strides as [number, number];
  // i-p-j order: the innermost loop walks a row of b and a row of out.
  for (let i = 0; i < m; i++) {
    const rowC = target.offset + i * sc0;
    for (let j = 0; j < n; j++) C[rowC + j * sc1] = 0;
    for (let p = 0; p < k; p++) {
      const aip = A[a.offset + i * sa0 + p * sa1]!;
      const rowB = b.offset + p * sb0;
      for (let j = 0; j < n; j++) C[rowC + j * sc1] = C[rowC + j * sc1]! + aip * B[rowB + j * sb1]!;
    }
  }
}

/**
 * The SIMD module's blocked product, when `a`, `b` and `out` live in one wasm memory and the rows
 * of `b` and `out` are contiguous (the layout its vectors load and store); `a` may have any strides.
 */
function matmulInWasm(a: View, b: View, out: View, m: number, n: number, k: number): boolean {
  if (b.strides[1] !== 1 || out.strides[1] !== 1) return false;
  const wasm = inWasm([a, b, out]);
  if (wasm === undefined) return false;
  const {
    kernels,
    addresses: [pa, pb, pc],
  } = wasm;
  const size = a.itemsize;
  const [sa0, sa1] = a.strides as [number, number];
  const gemm = a.dtype === 'f64' ? kernels.gemm_f64 : kernels.gemm_f32;
  gemm(pa, pb, pc, m, n, k, sa0 * size, sa1 * size, b.strides[0]! * size, out.strides[0]! * size);
  return true;
}
