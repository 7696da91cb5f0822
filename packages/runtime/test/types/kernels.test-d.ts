/**
 * Kernels that read memory linearly take `View<D, 'C'>`: a strided view does not compile (and,
 * past an `as`, throws NonContiguousError). `kernels.strided.*` follows any layout. The float
 * kernels take only f32/f64; `fill` takes every dtype with that dtype's scalar.
 */
import { describe, expectTypeOf, test } from 'vitest';
import { ascontiguous, checkContiguous, kernels, Memory, View, type DType, type Layout } from '../../src/index.js';

const mem = Memory.alloc(8 * 48);
const a = mem.view('f64', { shape: [6, 8] });
const b = Memory.alloc(8 * 48).view('f64', { shape: [6, 8] });
const s = a.slice(':, :6'); // View<'f64', Layout, 0>: rows of 6 with a stride of 8
const t = b.slice(':, 2:'); // the same shape, from other memory
const f = a.T; // View<'f64', 'F', 0>
const ints = Memory.alloc(4 * 8).view('i32', { shape: [8] });
const bigs = Memory.alloc(8 * 8).view('i64', { shape: [8] });
const single = Memory.alloc(4 * 8).view('f32', { shape: [8] });

describe('contiguous kernels reject a strided view', () => {
  test('sum', () => {
    expectTypeOf(kernels.sum(a)).toEqualTypeOf<number>();
    // @ts-expect-error -- layout: View<'f64', Layout> is not View<FloatDType, 'C'>
    kernels.sum(s);
    // @ts-expect-error -- layout: an 'F' view is not View<FloatDType, 'C'>
    kernels.sum(f);
  });

  test('dot', () => {
    expectTypeOf(kernels.dot(a, b)).toEqualTypeOf<number>();
    // @ts-expect-error -- layout: x is View<'f64', Layout>, not View<'f64', 'C'>
    kernels.dot(s, t);
    // @ts-expect-error -- layout: y is View<'f64', Layout>, not View<'f64', 'C'>
    kernels.dot(checkContiguous(s), t);
  });

  test('axpy', () => {
    expectTypeOf(kernels.axpy(2, a, b)).toEqualTypeOf<void>();
    // @ts-expect-error -- layout: x is View<'f64', Layout>, not View<'f64', 'C'>
    kernels.axpy(2, s, checkContiguous(t));
    // @ts-expect-error -- layout: y is View<'f64', Layout>, not View<'f64', 'C'>
    kernels.axpy(2, ascontiguous(s), t);
  });

  test('scale', () => {
    expectTypeOf(kernels.scale(2, a)).toEqualTypeOf<void>();
    // @ts-expect-error -- layout: View<'f64', Layout> is not View<FloatDType, 'C'>
    kernels.scale(2, s);
  });

  test('fill', () => {
    expectTypeOf(kernels.fill(a, 0)).toEqualTypeOf<void>();
    // @ts-expect-error -- layout: View<'f64', Layout> is not View<'f64', 'C'>
    kernels.fill(s, 0);
  });

  test('the explicit fixes compile: checkContiguous (a check) and ascontiguous (a copy)', () => {
    kernels.sum(checkContiguous(s));
    kernels.sum(ascontiguous(s));
    kernels.dot(ascontiguous(s), ascontiguous(t));
    kernels.fill(ascontiguous(s), 0);
  });

  test('the generation does not matter to a kernel', () => {
    const later = Memory.resizable(64, 128)
      .resize(128)
      .view('f64', { shape: [8] });
    kernels.sum(later);
    kernels.dot(later, later);
    kernels.axpy(1, later, Memory.alloc(64).view('f64', { shape: [8] }));
  });
});

describe('kernels.strided accepts any layout', () => {
  test('sum, dot, axpy, scale, fill', () => {
    expectTypeOf(kernels.strided.sum(s)).toEqualTypeOf<number>();
    expectTypeOf(kernels.strided.sum(f)).toEqualTypeOf<number>();
    expectTypeOf(kernels.strided.dot(s, t)).toEqualTypeOf<number>();
    expectTypeOf(kernels.strided.axpy(2, s, t)).toEqualTypeOf<void>();
    expectTypeOf(kernels.strided.scale(2, s)).toEqualTypeOf<void>();
    expectTypeOf(kernels.strided.fill(s, 0)).toEqualTypeOf<void>();
    // and, of course, contiguous views
    kernels.strided.dot(a, t);
  });

  test('assign and matmul take any layout too', () => {
    kernels.assign(s, t);
    expectTypeOf(kernels.matmul(s, f)).toEqualTypeOf<View<'f64', 'C', 0>>();
    // `out` comes back with its own layout and generation
    expectTypeOf(kernels.matmul(s, s.T, f)).toEqualTypeOf<View<'f64', 'F', 0>>();
    expectTypeOf(kernels.matmul(s, s.T, t)).toEqualTypeOf<View<'f64', Layout, 0>>();
  });
});

describe('float kernels reject integer dtypes', () => {
  test('contiguous', () => {
    // @ts-expect-error -- dtype: View<'i32'> is not View<FloatDType> ('"i32"' is not a FloatDType)
    kernels.sum(ints);
    // @ts-expect-error -- dtype: View<'i32'> is not View<FloatDType> ('"i32"' is not a FloatDType)
    kernels.dot(ints, ints);
    // @ts-expect-error -- dtype: View<'i64'> is not View<FloatDType> ('"i64"' is not a FloatDType)
    kernels.axpy(1, bigs, bigs);
    // @ts-expect-error -- dtype: View<'i32'> is not View<FloatDType> ('"i32"' is not a FloatDType)
    kernels.scale(2, ints);
    // @ts-expect-error -- dtype: View<'i32'> is not View<FloatDType> ('"i32"' is not a FloatDType)
    kernels.matmul(ints, ints);
  });

  test('strided', () => {
    // @ts-expect-error -- dtype: View<'i32'> is not View<FloatDType> ('"i32"' is not a FloatDType)
    kernels.strided.sum(ints);
    // @ts-expect-error -- dtype: View<'i32'> is not View<FloatDType> ('"i32"' is not a FloatDType)
    kernels.strided.dot(ints, ints);
    // @ts-expect-error -- dtype: View<'i64'> is not View<FloatDType> ('"i64"' is not a FloatDType)
    kernels.strided.axpy(1, bigs, bigs);
    // @ts-expect-error -- dtype: View<'i32'> is not View<FloatDType> ('"i32"' is not a FloatDType)
    kernels.strided.scale(2, ints);
  });

  test('f32 is a float dtype', () => {
    kernels.sum(single);
    kernels.dot(single, single);
    kernels.axpy(0.5, single, single);
    kernels.scale(0.5, single);
  });

  test('a view of unknown dtype is not accepted either', () => {
    const unknown = mem.view('f64', { shape: [4] }) as View<DType, 'C'>;
    // @ts-expect-error -- dtype: DType is not assignable to FloatDType
    kernels.sum(unknown);
  });
});

describe('fill takes every dtype, with its scalar', () => {
  const C = <D extends DType>(dtype: D) => Memory.alloc(64).view(dtype, { shape: [4] });

  test('number for the 32-bit-and-smaller and float dtypes', () => {
    kernels.fill(C('i8'), -1);
    kernels.fill(C('u8'), 255);
    kernels.fill(C('u8c'), 300);
    kernels.fill(C('i16'), 1);
    kernels.fill(C('u16'), 1);
    kernels.fill(C('i32'), 1);
    kernels.fill(C('u32'), 1);
    kernels.fill(C('f32'), 0.5);
    kernels.fill(C('f64'), 0.5);
    kernels.strided.fill(C('u8').slice('::2'), 7);
  });

  test('bigint for i64 and u64', () => {
    kernels.fill(C('i64'), -1n);
    kernels.fill(C('u64'), 1n);
    kernels.strided.fill(C('u64').slice('::-1'), 1n);
    expectTypeOf(kernels.fill<'i64'>)
      .parameter(1)
      .toEqualTypeOf<bigint>();
    expectTypeOf(kernels.fill<'f32'>)
      .parameter(1)
      .toEqualTypeOf<number>();
  });

  test('the wrong scalar does not compile', () => {
    // @ts-expect-error -- scalar: 'number' is not assignable to 'bigint' (i64)
    kernels.fill(C('i64'), 0);
    // @ts-expect-error -- scalar: 'number' is not assignable to 'bigint' (u64)
    kernels.strided.fill(C('u64').slice('::2'), 0);
    // @ts-expect-error -- scalar: 'bigint' is not assignable to 'number' (f64)
    kernels.fill(C('f64'), 0n);
    // @ts-expect-error -- scalar: 'bigint' is not assignable to 'number' (u8)
    kernels.strided.fill(C('u8'), 0n);
  });
});

describe('pairing kernels take the dtype from their first operand', () => {
  test('two views of different dtypes do not compile (the second operand is `View<NoInfer<D>>`)', () => {
    // @ts-expect-error -- dtype: an f64 view is not an f32 view; D comes from the first operand only
    kernels.dot(single, Memory.alloc(32).view('f64', { shape: [8] }));
    // @ts-expect-error -- dtype: an f64 view is not an f32 view
    kernels.axpy(1, single, Memory.alloc(32).view('f64', { shape: [8] }));
    // @ts-expect-error -- dtype: an f64 view is not an f32 view
    kernels.strided.dot(single, s.slice('0'));
    // @ts-expect-error -- dtype: an f64 view is not an i32 view
    kernels.assign(ints, s.slice('0'));
    // @ts-expect-error -- dtype: an f64 out is not an f32 product
    kernels.matmul(single.reshape([2, 4]), single.reshape([4, 2]), Memory.alloc(32).view('f64', { shape: [2, 2] }));
  });
});
