import { dtypeInfo, type DType, type Scalar, type TypedArrayOf } from './dtype.js';
import { OutOfBoundsError, UnsupportedError, WouldCopyError } from './errors.js';
import { gcopyNdarray, type Indexable } from './kernels/base/gcopy.js';
import { forEachRow, rowLength, rowStride, shape2strides } from './layout/index.js';
import { keepingAlive } from './keep-alive.js';
import { memoryState } from './memory-state.js';
import type { View } from './view.js';

/** A Node Buffer where @types/node is loaded, otherwise its base class Uint8Array. */
export type NodeBuffer = typeof globalThis extends { Buffer: { from(data: string): infer B } } ? B : Uint8Array;

interface BufferConstructorLike {
  from(buffer: ArrayBufferLike, byteOffset: number, length: number): NodeBuffer;
}

/** The storage for a copy of `view`, or an OutOfBoundsError when the engine cannot make it that large. */
function allocateCopy<T>(view: View, what: string, make: () => T): T {
  try {
    return make();
  } catch (error) {
    if (!(error instanceof RangeError)) throw error;
    throw new OutOfBoundsError(`cannot copy the ${view.size} elements of this view into ${what}: ${error.message}`, {
      cause: error,
    });
  }
}

/** Writes the view's elements, in C order, into `target` from index 0. */
export function copyElementsInto<D extends DType, T>(view: View<D>, target: Indexable<T>): void {
  const source = view.liveArray() as unknown as Indexable<T>;
  const n = rowLength(view.shape);
  const stride = rowStride(view.strides);
  const targetStrides = shape2strides(view.shape);
  forEachRow(view.shape, [view, { strides: targetStrides, offset: 0 }], ([from, to]) => {
    gcopyNdarray(n, source, stride, from!, target, 1, to!);
  });
}

export function toArray<D extends DType>(view: View<D>): Scalar<D>[] {
  const out = allocateCopy(view, 'a JS array', () => new Array<Scalar<D>>(view.size));
  copyElementsInto(view, out);
  return out;
}

export function toTypedArray<D extends DType>(view: View<D>): TypedArrayOf<D> {
  const out = allocateCopy(view, 'a typed array', () => new (dtypeInfo(view.dtype).ctor)(view.size));
  copyElementsInto(view, out as unknown as Indexable<Scalar<D>>);
  return out;
}

/** The element range [start, start + size) of a C-contiguous view, or WouldCopyError naming the copying form. */
function contiguousRange(view: View, copying: string): { start: number } {
  if (!view.isCContiguous) {
    throw new WouldCopyError(
      `this view is not C-contiguous (shape [${view.shape.join(', ')}], strides [${view.strides.join(', ')}]), so no flat view of it exists; ` +
        `use ${copying} to copy it in C order, or ascontiguous(view) first`,
    );
  }
  // An empty view may sit past either end of its memory (NumPy allows `a[5:]` and `a[::-1][:0]`).
  const capacity = view.liveArray().length;
  return { start: view.size === 0 ? Math.min(Math.max(view.offset, 0), capacity) : view.offset };
}

export function asTypedArray<D extends DType>(view: View<D>): TypedArrayOf<D> {
  const { start } = contiguousRange(view, 'toTypedArray()');
  return keepingAlive(view.liveArray().subarray(start, start + view.size) as TypedArrayOf<D>, view.memory);
}

function byteRange(view: View, copying: string): { buffer: ArrayBufferLike; byteOffset: number; byteLength: number } {
  const { start } = contiguousRange(view, copying);
  const array = view.liveArray();
  return {
    buffer: array.buffer,
    byteOffset: array.byteOffset + start * view.itemsize,
    byteLength: view.size * view.itemsize,
  };
}

export function asDataView(view: View): DataView {
  const { buffer, byteOffset, byteLength } = byteRange(view, 'toDataView()');
  return keepingAlive(new DataView(buffer, byteOffset, byteLength), view.memory);
}

export function asArrayBuffer(view: View): ArrayBufferLike {
  const { buffer, byteOffset, byteLength } = byteRange(view, 'toArrayBuffer()');
  if (
    byteOffset !== 0 ||
    byteLength !== buffer.byteLength ||
    memoryState(view.memory).byteLength !== buffer.byteLength
  ) {
    throw new WouldCopyError(
      `this view covers bytes ${byteOffset}..${byteOffset + byteLength} of a ${buffer.byteLength}-byte buffer; the ArrayBuffer would expose more than the view. ` +
        'Use asTypedArray() or asDataView() for a view of exactly these bytes, or toArrayBuffer() for a copy' +
        (view.memory.kind === 'wasm'
          ? ". Memory.alloc places bytes in the runtime's wasm heap by default: allocate with { placement: 'js' } for an ArrayBuffer of their own"
          : ''),
    );
  }
  return keepingAlive(buffer, view.memory);
}

function bufferClass(): BufferConstructorLike {
  const ctor = (globalThis as { Buffer?: BufferConstructorLike }).Buffer;
  if (ctor === undefined)
    throw new UnsupportedError('Buffer exists only in Node.js; use asTypedArray() or asDataView() elsewhere');
  return ctor;
}

export function asBuffer(view: View): NodeBuffer {
  const { buffer, byteOffset, byteLength } = byteRange(view, 'toBuffer()');
  return keepingAlive(bufferClass().from(buffer, byteOffset, byteLength), view.memory);
}

export function toBuffer(view: View): NodeBuffer {
  const copy = toTypedArray(view);
  return bufferClass().from(copy.buffer, copy.byteOffset, copy.byteLength);
}
