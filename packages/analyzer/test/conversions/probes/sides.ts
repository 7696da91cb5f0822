import { Buffer } from 'node:buffer';
import { Memory, RawPtr, View } from '@memsafe/runtime';
import type { Side } from './types.js';

const dtypeByClass = new Map<unknown, string>([
  [Int8Array, 'i8'],
  [Uint8Array, 'u8'],
  [Uint8ClampedArray, 'u8c'],
  [Int16Array, 'i16'],
  [Uint16Array, 'u16'],
  [Int32Array, 'i32'],
  [Uint32Array, 'u32'],
  [Float32Array, 'f32'],
  [Float64Array, 'f64'],
  [BigInt64Array, 'i64'],
  [BigUint64Array, 'u64'],
]);

type AnyTypedArray = Exclude<ArrayBufferView, DataView>;

/** Node 20 has no ArrayBuffer#detached; a view over a detached buffer cannot be constructed. */
export function isDetached(buffer: ArrayBufferLike): boolean {
  if (buffer instanceof SharedArrayBuffer) return false;
  const native = (buffer as { detached?: boolean }).detached;
  if (typeof native === 'boolean') return native;
  if (buffer.byteLength !== 0) return false;
  try {
    new Uint8Array(buffer);
    return false;
  } catch {
    return true;
  }
}

/** The bytes of a view's range, or [] when it is detached or out of bounds. */
function viewBytes(view: ArrayBufferView): Uint8Array {
  try {
    return new Uint8Array(view.buffer, view.byteOffset, view.byteLength);
  } catch {
    return new Uint8Array(0);
  }
}

function flipBytes(bytes: Uint8Array): void {
  for (let i = 0; i < bytes.length; i++) bytes[i] = bytes[i]! ^ 0xff;
}

/** A new value of the same type that stays in range for every dtype (so memsafe's checks accept it). */
export function flipValue(value: unknown): unknown {
  if (typeof value === 'bigint') return value ^ 1n;
  if (typeof value !== 'number') return value;
  if (Number.isInteger(value)) return value % 2 === 0 ? value + 1 : value - 1;
  return value + 0.5;
}

function indices(shape: readonly number[]): number[][] {
  let out: number[][] = [[]];
  for (const n of shape) {
    const next: number[][] = [];
    for (const prefix of out) for (let i = 0; i < n; i++) next.push([...prefix, i]);
    out = next;
  }
  return out;
}

function viewSide(view: View): Side {
  return {
    value: view,
    kind: view.dtype,
    read: () => view.toArray(),
    write: () => {
      for (const index of indices(view.shape)) view.set(flipValue(view.get(...index)) as never, ...index);
    },
    detached: () => view.memory.status !== 'live',
  };
}

function memorySide(memory: Memory): Side {
  const bytes = (): View | null =>
    memory.status === 'live' ? memory.view('u8', { shape: [memory.byteLength] }) : null;
  return {
    value: memory,
    kind: 'bytes',
    read: () => bytes()?.toArray() ?? [],
    write: () => {
      const view = bytes();
      if (view !== null) void viewSide(view).write!();
    },
    detached: () => memory.status !== 'live',
  };
}

function bufferSide(buffer: ArrayBufferLike): Side {
  return {
    value: buffer,
    kind: 'bytes',
    read: () => [...(isDetached(buffer) ? [] : new Uint8Array(buffer))],
    write: () => {
      if (!isDetached(buffer)) flipBytes(new Uint8Array(buffer));
    },
    detached: () => isDetached(buffer),
  };
}

function arrayBufferViewSide(view: ArrayBufferView): Side {
  const kind =
    view instanceof DataView
      ? 'dataview'
      : Buffer.isBuffer(view)
        ? 'u8'
        : (dtypeByClass.get(view.constructor) ??
          dtypeByClass.get(Object.getPrototypeOf(view.constructor)) ??
          'unknown');
  return {
    value: view,
    kind,
    read: () => [...viewBytes(view)],
    write: () => flipBytes(viewBytes(view)),
    detached: () => isDetached(view.buffer),
  };
}

/** The side for any value a conversion takes or gives. */
export function sideOf(value: unknown): Side {
  if (value instanceof View) return viewSide(value as View);
  if (value instanceof Memory) return memorySide(value as Memory);
  if (value instanceof RawPtr) return arrayBufferViewSide(value.array as AnyTypedArray);
  if (value instanceof WebAssembly.Memory) {
    return {
      value,
      kind: 'bytes',
      read: () => [...new Uint8Array(value.buffer)],
      write: () => flipBytes(new Uint8Array(value.buffer)),
      detached: () => false,
    };
  }
  if (value instanceof ArrayBuffer || value instanceof SharedArrayBuffer) return bufferSide(value);
  if (ArrayBuffer.isView(value)) return arrayBufferViewSide(value);
  if (value instanceof Blob) {
    return { value, kind: 'blob', read: async () => [...new Uint8Array(await value.arrayBuffer())] };
  }
  if (Array.isArray(value)) {
    const array: unknown[] = value;
    return {
      value,
      kind: 'array',
      read: () => [...array],
      write: () => {
        for (let i = 0; i < array.length; i++) array[i] = flipValue(array[i]);
      },
    };
  }
  if (typeof value === 'string') return { value, kind: 'string', read: () => value };
  if (typeof value === 'number' || typeof value === 'bigint') return { value, kind: 'number', read: () => value };
  if (typeof value === 'object' && value !== null) {
    // A plain object such as buffer.toJSON()'s { type, data }: its contents are what it holds.
    return { value, kind: 'object', read: () => structuredClone(value) };
  }
  throw new TypeError(`no side for ${String(value)}`);
}

/** A source that is not memory (a length, a literal): nothing to write, nothing to share. */
export function constant(value: unknown): Side {
  return { value, kind: typeof value, read: () => value };
}
