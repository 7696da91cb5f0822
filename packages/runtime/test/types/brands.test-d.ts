/**
 * The brands `Owned`, `View<D, Layout, Gen>` and `RawPtr<Gen, D>` as types: which ones are
 * assignable to which. Their runtime cost (none) is checked in brands.test.ts.
 */
import { describe, expectTypeOf, test } from 'vitest';
import { Memory, RawPtr, View, type Layout, type Owned } from '../../src/index.js';

declare const anyLayout: View<'f64'>;
declare const fortran: View<'f64', 'F'>;
declare const strided: View<'f64', 'strided'>;
declare const single: View<'f32', 'C'>;

describe('layout brand', () => {
  test("a 'C' view is a view of any layout", () => {
    expectTypeOf<View<'f64', 'C'>>().toExtend<View<'f64'>>();
    expectTypeOf<View<'f64', 'F'>>().toExtend<View<'f64'>>();
    expectTypeOf<View<'f64', 'strided'>>().toExtend<View<'f64'>>();
    expectTypeOf<View<'f64'>>().toEqualTypeOf<View<'f64', Layout>>();
  });

  test("only a 'C' view is a 'C' view", () => {
    expectTypeOf<View<'f64'>>().not.toExtend<View<'f64', 'C'>>();
    expectTypeOf<View<'f64', 'F'>>().not.toExtend<View<'f64', 'C'>>();
    expectTypeOf<View<'f64', 'strided'>>().not.toExtend<View<'f64', 'C'>>();
    expectTypeOf<View<'f64', 'C'>>().not.toExtend<View<'f64', 'F'>>();

    // @ts-expect-error -- layout: 'Layout' is not assignable to '"C"'
    const fromAny: View<'f64', 'C'> = anyLayout;
    // @ts-expect-error -- layout: '"F"' is not assignable to '"C"'
    const fromF: View<'f64', 'C'> = fortran;
    // @ts-expect-error -- layout: '"strided"' is not assignable to '"C"'
    const fromStrided: View<'f64', 'C'> = strided;
    void [fromAny, fromF, fromStrided];
  });
});

describe('dtype', () => {
  test('views of different dtypes are distinct in both directions', () => {
    expectTypeOf<View<'f32'>>().not.toEqualTypeOf<View<'f64'>>();
    expectTypeOf<View<'f32'>>().not.toExtend<View<'f64'>>();
    expectTypeOf<View<'f64'>>().not.toExtend<View<'f32'>>();
    expectTypeOf<View<'i64'>>().not.toExtend<View<'u64'>>();
    expectTypeOf<View<'u8'>>().not.toExtend<View<'u8c'>>();

    // @ts-expect-error -- dtype: '"f32"' is not assignable to '"f64"'
    const widened: View<'f64', 'C'> = single;
    void widened;
  });

  test('a view of one dtype is a view of any dtype', () => {
    expectTypeOf<View<'f32', 'C'>>().toExtend<View>();
    expectTypeOf<View>().not.toExtend<View<'f32'>>();
    expectTypeOf<View<'f64'>['dtype']>().toEqualTypeOf<'f64'>();
  });
});

describe('generation brand', () => {
  test('a view or pointer of a known generation is one of any generation, not of another', () => {
    expectTypeOf<View<'f64', 'C', 0>>().toExtend<View<'f64', 'C'>>();
    expectTypeOf<View<'f64', 'C'>>().not.toExtend<View<'f64', 'C', 0>>();
    expectTypeOf<View<'f64', 'C', 0>>().not.toExtend<View<'f64', 'C', 1>>();
    expectTypeOf<RawPtr<0, 'f64'>>().toExtend<RawPtr>();
    expectTypeOf<RawPtr<0>>().not.toExtend<RawPtr<1>>();
    expectTypeOf<RawPtr<0, 'f32'>>().not.toExtend<RawPtr<0, 'f64'>>();
    expectTypeOf<Memory<0>>().toExtend<Memory>();
    expectTypeOf<Memory<0>>().not.toExtend<Memory<1>>();
    expectTypeOf<Memory>().not.toExtend<Memory<0>>();
  });
});

describe('Owned', () => {
  test('is Memory, generation included', () => {
    expectTypeOf<Owned>().toEqualTypeOf<Memory>();
    expectTypeOf<Owned<3>>().toEqualTypeOf<Memory<3>>();
    expectTypeOf(Memory.alloc(8)).toExtend<Owned>();
  });
});

describe('brands cannot be forged', () => {
  test('an object with the public fields of a view is not a view', () => {
    type Lookalike = Pick<
      View<'f64', 'C'>,
      'dtype' | 'shape' | 'strides' | 'offset' | 'size' | 'isCContiguous' | 'isFContiguous' | 'get' | 'set'
    >;
    expectTypeOf<Lookalike>().not.toExtend<View<'f64', 'C'>>();
    expectTypeOf<Pick<Memory, 'kind' | 'generation' | 'byteLength' | 'view'>>().not.toExtend<Memory>();
  });

  test('the brand keys are unique symbols, not string keys', () => {
    expectTypeOf<Extract<keyof View, string>>().toEqualTypeOf<Exclude<keyof View, symbol>>();
    expectTypeOf<Extract<keyof View, `${string}rand${string}`>>().toBeNever();
    expectTypeOf<Extract<keyof Memory, `${string}rand${string}`>>().toBeNever();
    expectTypeOf<Extract<keyof RawPtr, `${string}rand${string}`>>().toBeNever();
  });
});
