/** Views made from typed arrays and values: C-contiguous, generation 0, dtype from the array class. */
import { Buffer } from 'node:buffer';
import { describe, expectTypeOf, test } from 'vitest';
import { fromValues, Memory, View, viewOf } from '../../src/index.js';

describe('viewOf', () => {
  test('takes the dtype from the typed array class', () => {
    expectTypeOf(viewOf(new Float32Array(4))).toEqualTypeOf<View<'f32', 'C', 0>>();
    expectTypeOf(viewOf(new Float64Array(4), [2, 2])).toEqualTypeOf<View<'f64', 'C', 0>>();
    expectTypeOf(viewOf(new Int8Array(4))).toEqualTypeOf<View<'i8', 'C', 0>>();
    expectTypeOf(viewOf(new Uint8Array(4))).toEqualTypeOf<View<'u8', 'C', 0>>();
    expectTypeOf(viewOf(new Uint8ClampedArray(4))).toEqualTypeOf<View<'u8c', 'C', 0>>();
    expectTypeOf(viewOf(new Int16Array(4))).toEqualTypeOf<View<'i16', 'C', 0>>();
    expectTypeOf(viewOf(new Uint16Array(4))).toEqualTypeOf<View<'u16', 'C', 0>>();
    expectTypeOf(viewOf(new Int32Array(4))).toEqualTypeOf<View<'i32', 'C', 0>>();
    expectTypeOf(viewOf(new Uint32Array(4))).toEqualTypeOf<View<'u32', 'C', 0>>();
    expectTypeOf(viewOf(new BigInt64Array(4))).toEqualTypeOf<View<'i64', 'C', 0>>();
    expectTypeOf(viewOf(new BigUint64Array(4))).toEqualTypeOf<View<'u64', 'C', 0>>();
  });

  test('a Node Buffer is a u8 view', () => {
    expectTypeOf(viewOf(Buffer.alloc(4))).toEqualTypeOf<View<'u8', 'C', 0>>();
    expectTypeOf(viewOf(Buffer.from('hello')).get(0)).toEqualTypeOf<number>();
  });

  test('a typed array over shared or resizable memory is accepted', () => {
    expectTypeOf(viewOf(new Float64Array(new SharedArrayBuffer(32)))).toEqualTypeOf<View<'f64', 'C', 0>>();
    expectTypeOf(viewOf(new Int32Array(new ArrayBuffer(16, { maxByteLength: 64 })))).toEqualTypeOf<
      View<'i32', 'C', 0>
    >();
  });

  test('a union of typed arrays is a view of the union of dtypes', () => {
    const either = new Float32Array(4) as Float32Array | Float64Array;
    expectTypeOf(viewOf(either)).toEqualTypeOf<View<'f32' | 'f64', 'C', 0>>();
  });

  test('only typed arrays', () => {
    // @ts-expect-error -- argument: a DataView is not a typed array (no element type)
    viewOf(new DataView(new ArrayBuffer(8)));
    // @ts-expect-error -- argument: 'number[]' is not a typed array
    viewOf([1, 2, 3]);
    // @ts-expect-error -- argument: an ArrayBuffer is not a typed array; adopt it with Memory.fromArrayBuffer
    viewOf(new ArrayBuffer(8));
  });
});

describe('fromValues', () => {
  test('is a C view at generation 0 of the named dtype', () => {
    expectTypeOf(fromValues('f64', [1, 2, 3, 4], [2, 2])).toEqualTypeOf<View<'f64', 'C', 0>>();
    expectTypeOf(fromValues('u64', [1n, 2n])).toEqualTypeOf<View<'u64', 'C', 0>>();
    expectTypeOf(fromValues('u8', new Uint8Array(2))).toEqualTypeOf<View<'u8', 'C', 0>>();
  });

  test('values must be the dtype scalar', () => {
    // @ts-expect-error -- scalar: 'number' is not assignable to 'bigint' (i64 values)
    fromValues('i64', [1, 2]);
    // @ts-expect-error -- scalar: 'bigint' is not assignable to 'number' (f32 values)
    fromValues('f32', [1n]);
  });
});

describe('Memory constructors', () => {
  test('adopt or allocate at generation 0', () => {
    expectTypeOf(Memory.fromTypedArray(Buffer.alloc(4))).toEqualTypeOf<Memory<0>>();
    expectTypeOf(Memory.fromTypedArray(new DataView(new ArrayBuffer(8)))).toEqualTypeOf<Memory<0>>();
    expectTypeOf(Memory.fromArrayBuffer(new ArrayBuffer(8))).toEqualTypeOf<Memory<0>>();
    expectTypeOf(Memory.fromArrayBuffer(new SharedArrayBuffer(8))).toEqualTypeOf<Memory<0>>();
    expectTypeOf(Memory.fromWasm(new WebAssembly.Memory({ initial: 1 }))).toEqualTypeOf<Memory<0>>();
    expectTypeOf(Memory.resizable(8, 16)).toEqualTypeOf<Memory<0>>();
    expectTypeOf(Memory.alloc(8)).toEqualTypeOf<Memory<0>>();
    expectTypeOf(Memory.shared(8, 16)).toEqualTypeOf<Memory<0>>();
    expectTypeOf(Memory.copyOf(new Uint8Array(8))).toEqualTypeOf<Memory<0>>();
  });

  test('a typed array is not a whole buffer', () => {
    // @ts-expect-error -- argument: a Uint8Array is not an ArrayBuffer; adopt its bytes with Memory.fromTypedArray
    Memory.fromArrayBuffer(new Uint8Array(8));
  });
});
