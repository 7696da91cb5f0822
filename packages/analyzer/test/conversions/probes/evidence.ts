import { Buffer } from 'node:buffer';
import type { Evidence, Unobservable } from './types.js';

/** A hazard no program can observe, with the reason; the test checks the reason is given. */
export function unobservable(reason: string): Unobservable {
  return { unobservable: reason };
}

/**
 * pool-aliasing: the view's backing buffer is Node's pool, larger than the view itself. At least
 * `Buffer.poolSize` bytes: from Node 26.8 the pool's ArrayBuffer is a little larger than the size
 * it is asked for (65,600 bytes for a pool of 65,536 on 26.12).
 */
export function pooled(view: ArrayBufferView): Evidence {
  return () => view.buffer.byteLength >= Buffer.poolSize && view.byteLength < view.buffer.byteLength;
}

/** whole-backing-buffer: `wide` holds more bytes than the view it came from. */
export function widerThan(wide: { readonly byteLength: number }, narrow: { readonly byteLength: number }): Evidence {
  return () => wide.byteLength > narrow.byteLength;
}

/** Lengths of views that may be detached or out of bounds; a DataView in that state throws instead. */
export function lengthOf(view: ArrayBufferView | ArrayBufferLike): number {
  try {
    return view.byteLength;
  } catch {
    return 0;
  }
}

/** Evidence that `run` throws an error of class `type` (RangeError for misalignment, …). */
export function throws(type: new (...args: never[]) => Error, run: () => unknown): Evidence {
  return () => {
    try {
      run();
      return false;
    } catch (error) {
      return error instanceof type;
    }
  };
}

/** detached-after-grow: after growing `memory`, every view reads 0 bytes. */
export function diesOnGrow(memory: WebAssembly.Memory, ...views: (ArrayBufferView | ArrayBufferLike)[]): Evidence {
  return () => {
    const before = views.every(view => lengthOf(view) > 0);
    memory.grow(1);
    return before && views.every(view => lengthOf(view) === 0);
  };
}

/** out-of-bounds-after-shrink: after shrinking `buffer` to `to` bytes, `view` reads 0 bytes. */
export function outOfBoundsAfterShrink(buffer: ArrayBuffer, to: number, view: ArrayBufferView): Evidence {
  return () => {
    const before = lengthOf(view) > 0;
    buffer.resize(to);
    return before && lengthOf(view) === 0;
  };
}

/** True when the running Node is at least `version` (major.minor.patch). */
export function nodeAtLeast(version: string): boolean {
  const have = process.versions.node.split('.').map(Number);
  const want = version.split('.').map(Number);
  for (let i = 0; i < 3; i++) if ((have[i] ?? 0) !== (want[i] ?? 0)) return (have[i] ?? 0) > (want[i] ?? 0);
  return true;
}

/** A buffer that is detached (transferred away), as a source for silent-empty-result checks. */
export function detachedBytes(length = 8): Uint8Array {
  const bytes = new Uint8Array(length).fill(7);
  structuredClone(bytes.buffer, { transfer: [bytes.buffer] });
  return bytes;
}

/** shared-memory-race: the memory is a SharedArrayBuffer, so other threads can write it at any time. */
export function shared(buffer: ArrayBufferLike): Evidence {
  return () => buffer instanceof SharedArrayBuffer;
}

/** boxing: the result is a plain Array or a string. */
export function boxed(value: unknown): Evidence {
  return () => Array.isArray(value) || typeof value === 'string';
}

type NumericArray = Exclude<ArrayBufferView, DataView> & {
  readonly [index: number]: number | bigint;
  readonly BYTES_PER_ELEMENT: number;
};

const bigEndianReaders: Record<string, (view: DataView) => number | bigint> = {
  Int16Array: v => v.getInt16(0),
  Uint16Array: v => v.getUint16(0),
  Int32Array: v => v.getInt32(0),
  Uint32Array: v => v.getUint32(0),
  Float32Array: v => v.getFloat32(0),
  Float64Array: v => v.getFloat64(0),
  BigInt64Array: v => v.getBigInt64(0),
  BigUint64Array: v => v.getBigUint64(0),
};

/**
 * byte-order: element 0 of a multi-byte typed array, over bytes 1, 2, 3, …, reads another number
 * than the big-endian reading of the same bytes: the array uses the platform's (little-endian) order.
 */
export function platformOrder(array: ArrayBufferView): Evidence {
  return () => {
    const typed = array as NumericArray;
    const reader = bigEndianReaders[typed.constructor.name];
    if (reader === undefined) return false;
    const size = typed.BYTES_PER_ELEMENT;
    const bytes = new Uint8Array(typed.buffer, typed.byteOffset, size);
    for (let i = 0; i < size; i++) bytes[i] = i + 1;
    return typed[0] !== reader(new DataView(typed.buffer, typed.byteOffset, size));
  };
}

/** byte-order: a DataView reads bytes 1, 2 as 0x0102 by default, where a Uint16Array reads 0x0201. */
export function bigEndianByDefault(view: DataView): Evidence {
  return () => {
    new Uint8Array(view.buffer, view.byteOffset, 2).set([1, 2]);
    return view.getUint16(0) === 0x0102 && new Uint16Array(new Uint8Array([1, 2]).buffer)[0] !== 0x0102;
  };
}
