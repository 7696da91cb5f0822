/** What one element reads and writes as: `bigint` for i64/u64, `number` for every other dtype. */
import { describe, expectTypeOf, test } from 'vitest';
import { Memory, View, type BigIntDType, type DType, type Scalar, type TypedArrayOf } from '../../src/index.js';

const mem = Memory.alloc(64);
const v = <D extends DType>(dtype: D) => mem.view(dtype, { shape: [2] });

describe('Scalar', () => {
  test('is bigint for the 64-bit integer dtypes and number for the others', () => {
    expectTypeOf<Scalar<'i64'>>().toEqualTypeOf<bigint>();
    expectTypeOf<Scalar<'u64'>>().toEqualTypeOf<bigint>();
    expectTypeOf<Scalar<BigIntDType>>().toEqualTypeOf<bigint>();
    expectTypeOf<Scalar<Exclude<DType, BigIntDType>>>().toEqualTypeOf<number>();
    expectTypeOf<Scalar<DType>>().toEqualTypeOf<number | bigint>();
  });
});

describe('get', () => {
  test('of an i64 or u64 view is bigint', () => {
    expectTypeOf(v('i64').get(0)).toEqualTypeOf<bigint>();
    expectTypeOf(v('u64').get(0)).toEqualTypeOf<bigint>();
    expectTypeOf(v('i64').slice('::-1').T.get(0)).toEqualTypeOf<bigint>();
  });

  test('of every other dtype is number', () => {
    expectTypeOf(v('i8').get(0)).toEqualTypeOf<number>();
    expectTypeOf(v('u8').get(0)).toEqualTypeOf<number>();
    expectTypeOf(v('u8c').get(0)).toEqualTypeOf<number>();
    expectTypeOf(v('i16').get(0)).toEqualTypeOf<number>();
    expectTypeOf(v('u16').get(0)).toEqualTypeOf<number>();
    expectTypeOf(v('i32').get(0)).toEqualTypeOf<number>();
    expectTypeOf(v('u32').get(0)).toEqualTypeOf<number>();
    expectTypeOf(v('f32').get(0)).toEqualTypeOf<number>();
    expectTypeOf(v('f64').get(0)).toEqualTypeOf<number>();
  });

  test('of a view of unknown dtype is either', () => {
    expectTypeOf<ReturnType<View['get']>>().toEqualTypeOf<number | bigint>();
  });

  test('of a raw pointer follows the same rule', () => {
    expectTypeOf(v('u64').raw().get(0)).toEqualTypeOf<bigint>();
    expectTypeOf(v('i16').raw().get(0)).toEqualTypeOf<number>();
  });
});

describe('set', () => {
  test('takes the dtype scalar', () => {
    v('i64').set(1n, 0);
    v('u64').set(2n ** 63n, 1);
    v('f64').set(0.5, 0);
    v('i64').raw().set(1n, 0);
  });

  test('the wrong scalar does not compile', () => {
    // @ts-expect-error -- scalar: 'number' is not assignable to 'bigint' (i64)
    v('i64').set(1, 0);
    // @ts-expect-error -- scalar: 'number' is not assignable to 'bigint' (u64)
    v('u64').set(1, 0);
    // @ts-expect-error -- scalar: 'bigint' is not assignable to 'number' (f64)
    v('f64').set(1n, 0);
    // @ts-expect-error -- scalar: 'bigint' is not assignable to 'number' (i32)
    v('i32').set(1n, 0);
    // @ts-expect-error -- scalar: 'number' is not assignable to 'bigint' (raw pointer, i64)
    v('i64').raw().set(1, 0);
    // @ts-expect-error -- scalar: 'string' is not assignable to 'number'
    v('u8').set('1', 0);
  });

  test('indices are numbers', () => {
    // @ts-expect-error -- index: 'string' is not assignable to 'number'
    v('f64').get('0');
  });
});

describe('toArray and typed arrays', () => {
  test('toArray() is bigint[] for i64/u64 and number[] otherwise', () => {
    expectTypeOf(v('i64').toArray()).toEqualTypeOf<bigint[]>();
    expectTypeOf(v('u64').toArray()).toEqualTypeOf<bigint[]>();
    expectTypeOf(v('f32').toArray()).toEqualTypeOf<number[]>();
    expectTypeOf(v('u8c').toArray()).toEqualTypeOf<number[]>();
    expectTypeOf(v('f64').slice('::2').toArray()).toEqualTypeOf<number[]>();
  });

  test('asTypedArray() / toTypedArray() are the dtype typed array', () => {
    expectTypeOf(v('f32').asTypedArray()).toEqualTypeOf<Float32Array>();
    expectTypeOf(v('i64').toTypedArray()).toEqualTypeOf<BigInt64Array>();
    expectTypeOf(v('u8c').asTypedArray()).toEqualTypeOf<Uint8ClampedArray>();
    expectTypeOf(v('u16').raw().array).toEqualTypeOf<TypedArrayOf<'u16'>>();
    expectTypeOf<TypedArrayOf<'u64'>>().toEqualTypeOf<BigUint64Array>();
  });
});
