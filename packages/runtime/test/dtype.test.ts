import { describe, expect, it } from 'vitest';
import { DTYPES, dtypeOf, DtypeError, Memory, type DType } from '../src/index.js';

/** Node 24's Float16Array, which TypeScript's es2024 library does not declare. */
const Float16 = (globalThis as { Float16Array?: new (length: number) => ArrayBufferView }).Float16Array;

const arrays: Partial<Record<DType, ArrayBufferView>> = {
  i8: new Int8Array(1),
  u8: new Uint8Array(1),
  u8c: new Uint8ClampedArray(1),
  i16: new Int16Array(1),
  u16: new Uint16Array(1),
  i32: new Int32Array(1),
  u32: new Uint32Array(1),
  i64: new BigInt64Array(1),
  u64: new BigUint64Array(1),
  ...(Float16 === undefined ? {} : { f16: new Float16(1) }),
  f32: new Float32Array(1),
  f64: new Float64Array(1),
};

describe('dtypes', () => {
  it('are exactly the eleven of the design, and f16 where the engine has Float16Array', () => {
    const halves = Float16 === undefined ? [] : ['f16'];
    expect([...DTYPES]).toEqual(['i8', 'u8', 'u8c', 'i16', 'u16', 'i32', 'u32', 'i64', 'u64', ...halves, 'f32', 'f64']);
  });

  it.each(DTYPES)('%s maps to its typed array class and back', dtype => {
    const array = arrays[dtype]!;
    expect(dtypeOf(array)).toBe(dtype);
    const view = Memory.alloc(16).view(dtype, { shape: [1] });
    expect(view.itemsize).toBe((array as Uint8Array).BYTES_PER_ELEMENT);
    expect(view.asTypedArray().constructor).toBe(array.constructor);
  });

  it('dtypeOf names what has no element type', () => {
    expect(() => dtypeOf(new DataView(new ArrayBuffer(1)))).toThrow(DtypeError);
  });
});
