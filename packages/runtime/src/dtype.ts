import { DtypeError } from './errors.js';

/**
 * Element types, named as NumPy's short codes (`u8c` is Uint8ClampedArray). `f16` exists where the
 * engine has Float16Array (Node 24 and later).
 */
export type DType = 'i8' | 'u8' | 'u8c' | 'i16' | 'u16' | 'i32' | 'u32' | 'i64' | 'u64' | 'f16' | 'f32' | 'f64';
/** The float types the kernels compute in (f16 has none: copy into f32 first). */
export type FloatDType = 'f32' | 'f64';

/**
 * Float16Array's instance type where TypeScript's library declares it (es2025.float16 and later);
 * before that, Float32Array's members under Float16Array's tag, so that no Float32Array passes
 * for one.
 */
export type Float16ArrayType = typeof globalThis extends { Float16Array: { prototype: infer Array } }
  ? Array
  : Omit<Float32Array, typeof Symbol.toStringTag> & { readonly [Symbol.toStringTag]: 'Float16Array' };
export type BigIntDType = 'i64' | 'u64';

export interface TypedArrayByDType {
  i8: Int8Array;
  u8: Uint8Array;
  u8c: Uint8ClampedArray;
  i16: Int16Array;
  u16: Uint16Array;
  i32: Int32Array;
  u32: Uint32Array;
  i64: BigInt64Array;
  u64: BigUint64Array;
  f16: Float16ArrayType;
  f32: Float32Array;
  f64: Float64Array;
}

export type TypedArrayOf<D extends DType> = TypedArrayByDType[D];
export type AnyTypedArray = TypedArrayByDType[DType];

/** What one element reads as: `bigint` for the 64-bit integer types, `number` otherwise. */
export type Scalar<D extends DType> = D extends BigIntDType ? bigint : number;

interface TypedArrayConstructorOf<D extends DType> {
  new (buffer: ArrayBufferLike, byteOffset: number, length: number): TypedArrayOf<D>;
  new (length: number): TypedArrayOf<D>;
  readonly BYTES_PER_ELEMENT: number;
}

export interface DTypeInfo<D extends DType = DType> {
  readonly name: D;
  readonly itemsize: number;
  readonly ctor: TypedArrayConstructorOf<D>;
  /**
   * Checks that storing `value` keeps its meaning and returns it: integers must be in range and
   * whole, 64-bit integers bigints; floats may round (f32 to its nearest value) but not overflow;
   * `u8c` clamps by design.
   */
  readonly check: (value: unknown) => Scalar<D>;
}

function integerCheck(name: DType, min: number, max: number): (value: unknown) => number {
  return value => {
    if (typeof value !== 'number' || !Number.isInteger(value) || value < min || value > max) {
      throw new DtypeError(
        `${describe(value)} is not a ${name} value (an integer from ${min} to ${max}); ` +
          'convert it explicitly (Math.trunc, Math.round, or clamp) before storing it',
      );
    }
    return value;
  };
}

function bigintCheck(name: DType, min: bigint, max: bigint): (value: unknown) => bigint {
  return value => {
    if (typeof value !== 'bigint' || value < min || value > max) {
      throw new DtypeError(
        `${describe(value)} is not a ${name} value (a bigint from ${min} to ${max}); ` +
          'convert it with BigInt() and check its range before storing it',
      );
    }
    return value;
  };
}

function floatCheck(name: DType): (value: unknown) => number {
  return value => {
    if (typeof value !== 'number') {
      throw new DtypeError(`${describe(value)} is not a ${name} value (a number)`);
    }
    return value;
  };
}

/**
 * Storing a number in f32 rounds it to the nearest f32 (what f32 means, as in NumPy); a finite
 * number beyond f32's range would become Infinity, which is no rounding but a wrong answer.
 */
function float32Check(value: unknown): number {
  if (typeof value !== 'number') throw new DtypeError(`${describe(value)} is not a f32 value (a number)`);
  if (Number.isFinite(value) && !Number.isFinite(Math.fround(value))) {
    throw new DtypeError(
      `${value} is beyond the range of f32 (about ±3.4e38) and would be stored as Infinity; use an f64 view`,
    );
  }
  return value;
}

/** f16 as f32 is checked: rounding is what f16 means, turning a finite number (past ±65504) into Infinity is not. */
function float16Check(round: (value: number) => number): (value: unknown) => number {
  return value => {
    if (typeof value !== 'number') throw new DtypeError(`${describe(value)} is not a f16 value (a number)`);
    if (Number.isFinite(value) && !Number.isFinite(round(value))) {
      throw new DtypeError(
        `${value} is beyond the range of f16 (±65504) and would be stored as Infinity; use an f32 view`,
      );
    }
    return value;
  };
}

function clampedCheck(value: unknown): number {
  if (typeof value !== 'number' || Number.isNaN(value)) {
    throw new DtypeError(`${describe(value)} is not a u8c value (a number, clamped to 0..255; NaN would store 0)`);
  }
  return value;
}

function describe(value: unknown): string {
  if (typeof value === 'bigint') return `${value}n`;
  if (typeof value === 'string') return JSON.stringify(value);
  return String(value);
}

function info<D extends DType>(
  name: D,
  ctor: TypedArrayConstructorOf<D>,
  check: (value: unknown) => Scalar<D>,
): DTypeInfo<D> {
  return Object.freeze({ name, itemsize: ctor.BYTES_PER_ELEMENT, ctor, check });
}

/** Float16Array and Math.f16round, where the engine has them (Node 24 and later). */
const FLOAT16 = (
  globalThis as {
    Float16Array?: TypedArrayConstructorOf<'f16'>;
  }
).Float16Array;
const f16round = (Math as { f16round?: (value: number) => number }).f16round;

const TABLE: { readonly [D in DType]?: DTypeInfo<D> } = {
  i8: info('i8', Int8Array, integerCheck('i8', -128, 127)),
  u8: info('u8', Uint8Array, integerCheck('u8', 0, 255)),
  u8c: info('u8c', Uint8ClampedArray, clampedCheck),
  i16: info('i16', Int16Array, integerCheck('i16', -32768, 32767)),
  u16: info('u16', Uint16Array, integerCheck('u16', 0, 65535)),
  i32: info('i32', Int32Array, integerCheck('i32', -2147483648, 2147483647)),
  u32: info('u32', Uint32Array, integerCheck('u32', 0, 4294967295)),
  i64: info('i64', BigInt64Array, bigintCheck('i64', -(2n ** 63n), 2n ** 63n - 1n)),
  u64: info('u64', BigUint64Array, bigintCheck('u64', 0n, 2n ** 64n - 1n)),
  ...(FLOAT16 === undefined || f16round === undefined ? {} : { f16: info('f16', FLOAT16, float16Check(f16round)) }),
  f32: info('f32', Float32Array, float32Check),
  f64: info('f64', Float64Array, floatCheck('f64')),
};

export const DTYPES: readonly DType[] = Object.freeze(Object.keys(TABLE) as DType[]);

/** The dtype's constructor, element size and value check; a DtypeError names the valid dtypes. */
export function dtypeInfo<D extends DType>(dtype: D): DTypeInfo<D> {
  const found = typeof dtype === 'string' && Object.hasOwn(TABLE, dtype) ? TABLE[dtype] : undefined;
  if (found !== undefined) return found;
  if (dtype === 'f16')
    throw new DtypeError(
      'dtype f16 needs Float16Array, which this JavaScript engine lacks (Node 24 and later have it)',
    );
  throw new DtypeError(`unknown dtype ${describe(dtype)}; expected one of ${DTYPES.join(', ')}`);
}

/** The dtype whose typed array class `array` is an instance of. */
export function dtypeOf(array: ArrayBufferView): DType {
  for (const dtype of DTYPES) {
    if (array instanceof dtypeInfo(dtype).ctor) return dtype;
  }
  throw new DtypeError(
    `${array.constructor.name} has no element type; pass a typed array, or adopt its bytes with Memory.fromTypedArray() and choose a dtype`,
  );
}

export function isFloatDType(dtype: DType): dtype is FloatDType {
  return dtype === 'f32' || dtype === 'f64';
}
