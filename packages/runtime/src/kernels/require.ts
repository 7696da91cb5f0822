import { isFloatDType, type DType, type FloatDType } from '../dtype.js';
import { DtypeError, NonContiguousError, ShapeError, WouldCopyError } from '../errors.js';
import { extent } from '../layout/index.js';
import { copyElementsInto } from '../convert.js';
import { isSharedArrayBuffer, Memory } from '../memory.js';
import { memoryState } from '../memory-state.js';
import type { Layout, View } from '../view.js';

/** A kernel that reads memory linearly checks at run time what its signature promised. */
export function requireC<D extends DType>(view: View<D, Layout>, kernel: string): void {
  if (!view.isCContiguous) {
    throw new NonContiguousError(
      `kernels.${kernel} reads memory linearly, but this view is not C-contiguous (shape [${view.shape.join(', ')}], strides [${view.strides.join(', ')}]): ` +
        `pass ascontiguous(view) for an explicit copy, or call kernels.strided.${kernel}, which follows the strides`,
    );
  }
}

export function requireFloat(view: View, kernel: string): asserts view is View<FloatDType> {
  if (!isFloatDType(view.dtype)) {
    throw new DtypeError(
      `kernels.${kernel} works on f32 and f64 views, got ${view.dtype}; copy into an f32 or f64 view first`,
    );
  }
}

export function requireSameDtype(a: View, b: View, kernel: string): void {
  if (a.dtype !== b.dtype) {
    throw new DtypeError(
      `kernels.${kernel} needs views of one dtype, got ${a.dtype} and ${b.dtype}; converting between them would be a hidden copy`,
    );
  }
}

export function requireSameShape(a: View, b: View, kernel: string): void {
  if (a.shape.length !== b.shape.length || a.shape.some((dim, axis) => dim !== b.shape[axis])) {
    throw new ShapeError(
      `kernels.${kernel} needs views of one shape, got [${a.shape.join(', ')}] and [${b.shape.join(', ')}]`,
    );
  }
}

/**
 * The source a kernel may read while it writes `target`.
 * - Refuses to write `target` while reading `source` when their bytes may overlap in one storage:
 *   the result would depend on the loop order, and computing it correctly needs a temporary copy,
 *   which the caller must ask for. An elementwise kernel may pass `elementwise` to accept the very
 *   same elements in both roles (`y += a * y`): each element is read before it is written.
 * - Over two different shared-memory objects that may be one memory, gives a copy of `source`.
 *   `structuredClone(sab)` and a SharedArrayBuffer or shared WebAssembly.Memory sent back by a
 *   worker are new objects over the same bytes, and no API tells. Where their ranges would meet,
 *   different bytes prove different memory; equal bytes are copied, which gives the same answer
 *   whether or not they are one memory. (Another thread writing either while a kernel runs makes
 *   any result unspecified.)
 */
export function readableSource<D extends DType, L extends Layout>(
  source: View<D, L>,
  target: View,
  kernel: string,
  elementwise = false,
): View<D, L> {
  if (source.size === 0 || target.size === 0) return source;
  const a = byteSpan(source);
  const b = byteSpan(target);
  if (a.storage !== b.storage) return a.shared && b.shared && mayBeOneMemory(a, b) ? copyOf(source) : source;
  if (a.end <= b.start || b.end <= a.start) return source;
  const same =
    elementwise &&
    a.start === b.start &&
    source.dtype === target.dtype &&
    source.shape.every((dim, axis) => dim === target.shape[axis]) &&
    source.strides.every((stride, axis) => dim(source, axis) <= 1 || stride === target.strides[axis]);
  if (!same) {
    throw new WouldCopyError(
      `kernels.${kernel} would write memory that it is still reading (the views overlap); the result would depend on the loop order. ` +
        'Pass copy(source) to read from an explicit copy, or write into a separate view',
    );
  }
  return source;
}

/** Two spans over different shared objects that hold the same bytes where their ranges would meet. */
function mayBeOneMemory(a: Span, b: Span): boolean {
  const start = Math.max(a.start, b.start);
  const end = Math.min(a.end, b.end);
  return end > start && sameBytes(a.buffer, b.buffer, start, end);
}

function copyOf<D extends DType, L extends Layout>(source: View<D, L>): View<D, L> {
  const copy = Memory.allocForCopy(source.size * source.itemsize).view(source.dtype, { shape: source.shape });
  copyElementsInto(source, copy.liveArray() as never);
  return copy as unknown as View<D, L>;
}

function sameBytes(a: ArrayBufferLike, b: ArrayBufferLike, start: number, end: number): boolean {
  const left = new Uint8Array(a, start, end - start);
  const right = new Uint8Array(b, start, end - start);
  for (let i = 0; i < left.length; i++) if (left[i] !== right[i]) return false;
  return true;
}

function dim(view: View, axis: number): number {
  return view.shape[axis]!;
}

interface Span {
  readonly storage: object;
  readonly buffer: ArrayBufferLike;
  readonly shared: boolean;
  readonly start: number;
  readonly end: number;
}

function byteSpan(view: View): Span {
  const array = view.liveArray();
  const { storage, buffer } = memoryState(view.memory);
  const { min, max } = extent(view.shape, view.strides, view.offset);
  return {
    storage,
    buffer,
    shared: isSharedArrayBuffer(buffer),
    start: array.byteOffset + min * view.itemsize,
    end: array.byteOffset + (max + 1) * view.itemsize,
  };
}
