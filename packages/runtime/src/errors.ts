/**
 * Every failure the runtime can report. Each class has a stable `code` so that callers can tell
 * errors apart even when two copies of the package (ESM and CommonJS) are loaded side by side and
 * `instanceof` cannot.
 */
export class MemsafeError extends Error {
  readonly code: string = 'ERR_MEMSAFE';
  override get name(): string {
    return this.constructor.name;
  }
}

/** A view was used after its memory was freed. */
export class StaleViewError extends MemsafeError {
  override readonly code = 'ERR_MEMSAFE_STALE_VIEW';
}

/** A RawPtr was used after its owner's generation moved (growth, shrink, transfer or free). */
export class StalePointerError extends MemsafeError {
  override readonly code = 'ERR_MEMSAFE_STALE_POINTER';
}

/** The ArrayBuffer behind a memory was detached (transferred away). */
export class DetachedError extends MemsafeError {
  override readonly code = 'ERR_MEMSAFE_DETACHED';
}

/** An index, slice or view extent reaches outside the bytes it may touch. */
export class OutOfBoundsError extends MemsafeError {
  override readonly code = 'ERR_MEMSAFE_OUT_OF_BOUNDS';
}

/** A kernel that reads memory linearly was given a strided view. */
export class NonContiguousError extends MemsafeError {
  override readonly code = 'ERR_MEMSAFE_NON_CONTIGUOUS';
}

/** A function that promises a view (never a copy) cannot give one. */
export class WouldCopyError extends MemsafeError {
  override readonly code = 'ERR_MEMSAFE_WOULD_COPY';
}

/** A byte offset is not a multiple of the element size. */
export class MisalignedError extends MemsafeError {
  override readonly code = 'ERR_MEMSAFE_MISALIGNED';
}

/** An unknown dtype, mismatched dtypes, or a value the dtype cannot represent (a fractional or out-of-range integer, an f32 overflow). */
export class DtypeError extends MemsafeError {
  override readonly code = 'ERR_MEMSAFE_DTYPE';
}

/** An invalid shape, stride, axis list or size, or shapes that do not match. */
export class ShapeError extends MemsafeError {
  override readonly code = 'ERR_MEMSAFE_SHAPE';
}

/** A malformed index: slice text that does not parse, a non-integer index, too many indices. */
export class IndexError extends MemsafeError {
  override readonly code = 'ERR_MEMSAFE_INDEX';
}

/** An operation this kind of memory cannot perform (growing a fixed ArrayBuffer, transferring a SharedArrayBuffer). */
export class UnsupportedError extends MemsafeError {
  override readonly code = 'ERR_MEMSAFE_UNSUPPORTED';
}
