import { dtypeInfo, type DType } from './dtype.js';
import { wasmApi, type WasmMemoryLike } from './kernels/wasm/engine.js';
import { MAX_ARENA_BYTES, wasmHeap, type HeapBlock, type WasmHeap } from './kernels/wasm/heap.js';
import { simdKernelsCompile } from './kernels/wasm/instance.js';
import {
  DetachedError,
  MisalignedError,
  OutOfBoundsError,
  ShapeError,
  StaleViewError,
  UnsupportedError,
} from './errors.js';
import type { NextGeneration } from './generation.js';
import { extent, numel, shape2strides } from './layout/index.js';
import { checkShape, checkSize, checkStrides } from './layout/validate.js';
import { provideMemoryState, type MemoryState, type MemoryStatus } from './memory-state.js';
import { View, type Layout } from './view.js';

/**
 * - `array-buffer`: a fixed-length ArrayBuffer, owned whole.
 * - `resizable`: a resizable ArrayBuffer, owned whole; shrinking invalidates raw views.
 * - `shared`: a SharedArrayBuffer (growable or not); it never shrinks or detaches.
 * - `wasm`: a WebAssembly.Memory; growth replaces `memory.buffer` and detaches the old one.
 * - `range`: exactly the bytes of one typed array or DataView inside a buffer owned by others.
 */
export type MemoryKind = 'array-buffer' | 'resizable' | 'shared' | 'wasm' | 'range';

export interface ViewOptions {
  /** Axis lengths. */
  readonly shape: readonly number[];
  /** Element strides; C order when omitted. Negative and zero strides are allowed. */
  readonly strides?: readonly number[] | undefined;
  /** Element offset of index `(0, …, 0)` from the start of the memory. */
  readonly offset?: number | undefined;
}

declare const ownedBrand: unique symbol;
declare const generationBrand: unique symbol;

/**
 * An owner of bytes (the `Owned` brand). It counts generations: every event that invalidates raw
 * JS views over its bytes or relocates them — wasm growth, a shrinking resize, a transfer, a
 * free — increments `generation`. Views made with {@link Memory.view} survive growth of
 * address-stable memory by re-deriving their typed array; raw pointers do not.
 */
export class Memory<Gen extends number = number> {
  declare readonly [ownedBrand]: 'Owned';
  declare readonly [generationBrand]: Gen;

  readonly kind: MemoryKind;
  #buffer: ArrayBufferLike;
  readonly #byteOffset: number;
  /** The adopted length of a `range` owner; `null` when the owner spans its whole buffer. */
  readonly #rangeLength: number | null;
  readonly #wasm: WasmMemoryLike | null;
  readonly #counter = { generation: 0 };
  #status: MemoryStatus = 'live';
  /** The bytes this owner spanned when last looked at: a drop means raw views over it may be out of bounds. */
  #lastByteLength: number;
  #lastEvent = 'nothing has invalidated it yet';
  /** The block of the runtime's wasm heap this owner holds, returned by {@link free} or when it is collected. */
  #heapBlock: HeapAllocation | null = null;

  static {
    provideMemoryState(
      memory => memory.#sync(),
      memory => memory.#counter,
    );
  }

  private constructor(
    kind: MemoryKind,
    buffer: ArrayBufferLike,
    byteOffset: number,
    rangeLength: number | null,
    wasm: WasmMemoryLike | null,
  ) {
    this.kind = kind;
    this.#buffer = buffer;
    this.#byteOffset = byteOffset;
    this.#rangeLength = rangeLength;
    this.#wasm = wasm;
    this.#lastByteLength = this.#spannedBytes();
  }

  /** Adopts a whole ArrayBuffer (fixed or resizable) or SharedArrayBuffer (growable or not). No copy. */
  static fromArrayBuffer(buffer: ArrayBuffer | SharedArrayBuffer): Memory<0> {
    if (isSharedArrayBuffer(buffer)) return new Memory('shared', buffer, 0, null, null);
    if (!isArrayBuffer(buffer)) {
      throw new UnsupportedError(
        `Memory.fromArrayBuffer takes an ArrayBuffer or SharedArrayBuffer, got ${describe(buffer)}; for a typed array or Buffer use Memory.fromTypedArray`,
      );
    }
    if (isDetached(buffer))
      throw new DetachedError('cannot adopt a detached ArrayBuffer: it was transferred and holds no bytes');
    return new Memory(buffer.resizable ? 'resizable' : 'array-buffer', buffer, 0, null, null);
  }

  /**
   * Adopts exactly the bytes of a typed array, Node Buffer or DataView — never the rest of its
   * backing buffer, so a pooled Buffer's shared pool stays out of reach. No copy.
   */
  static fromTypedArray(view: ArrayBufferView): Memory<0> {
    if (!ArrayBuffer.isView(view)) {
      throw new UnsupportedError(
        `Memory.fromTypedArray takes a typed array, Buffer or DataView, got ${describe(view)}`,
      );
    }
    if (isDetached(view.buffer)) throw new DetachedError('cannot adopt a view over a detached ArrayBuffer');
    return new Memory('range', view.buffer, view.byteOffset, view.byteLength, null);
  }

  /** Adopts a WebAssembly.Memory; views over it stay valid across growth. No copy. */
  static fromWasm(memory: WasmMemoryLike): Memory<0> {
    if (memory === null || typeof memory !== 'object' || typeof memory.grow !== 'function' || !('buffer' in memory)) {
      throw new UnsupportedError(`Memory.fromWasm takes a WebAssembly.Memory, got ${describe(memory)}`);
    }
    const buffer: unknown = memory.buffer;
    if (!isArrayBuffer(buffer) && !isSharedArrayBuffer(buffer)) {
      throw new UnsupportedError(
        `Memory.fromWasm takes a WebAssembly.Memory, got an object whose buffer is ${describe(buffer)}`,
      );
    }
    return new Memory('wasm', memory.buffer, 0, null, memory);
  }

  /** A new resizable ArrayBuffer of `byteLength` bytes that can grow up to `maxByteLength`. */
  static resizable(byteLength: number, maxByteLength: number): Memory<0> {
    checkSize(byteLength, 'byteLength');
    checkSize(maxByteLength, 'maxByteLength');
    if (byteLength > maxByteLength) {
      throw new ShapeError(`byteLength ${byteLength} exceeds maxByteLength ${maxByteLength}`);
    }
    return new Memory(
      'resizable',
      allocate(byteLength, () => new ArrayBuffer(byteLength, { maxByteLength })),
      0,
      null,
      null,
    );
  }

  /**
   * `byteLength` new zero-filled bytes. By default a block of the runtime's wasm heap, where the
   * SIMD kernels read them in place, when the engine runs those kernels and the heap can hold the
   * bytes; otherwise an ArrayBuffer. `{ placement: 'wasm' }` insists on the heap, `{ placement:
   * 'js' }` on an ArrayBuffer (docs/runtime.md, "Where memory lives"). {@link free} returns a heap
   * block at once; an owner collected without it returns its block later.
   */
  static alloc(byteLength: number, options?: AllocOptions): Memory<0> {
    checkSize(byteLength, 'byteLength');
    return allocateMemory(byteLength, placementOf(options), true);
  }

  /** @internal New bytes that the caller overwrites whole: a reused heap block is not cleared first. */
  static allocForCopy(byteLength: number, options?: AllocOptions): Memory<0> {
    checkSize(byteLength, 'byteLength');
    return allocateMemory(byteLength, placementOf(options), false);
  }

  /** @internal */
  static inHeap(heap: WasmHeap, byteLength: number, zeroed: boolean): Memory<0> {
    const block = heap.allocate(byteLength, zeroed);
    const wasm = block.arena.memory;
    const memory: Memory<0> = new Memory('wasm', wasm.buffer, block.block.offset, byteLength, wasm);
    memory.#heapBlock = { heap, block };
    heapBlocks.register(memory, memory.#heapBlock, memory);
    return memory;
  }

  /** A new SharedArrayBuffer, growable up to `maxByteLength` when that is given. */
  static shared(byteLength: number, maxByteLength?: number): Memory<0> {
    checkSize(byteLength, 'byteLength');
    if (typeof SharedArrayBuffer !== 'function') {
      throw new UnsupportedError('SharedArrayBuffer is not available here (browsers require cross-origin isolation)');
    }
    if (maxByteLength === undefined)
      return new Memory(
        'shared',
        allocate(byteLength, () => new SharedArrayBuffer(byteLength)),
        0,
        null,
        null,
      );
    checkSize(maxByteLength, 'maxByteLength');
    if (byteLength > maxByteLength)
      throw new ShapeError(`byteLength ${byteLength} exceeds maxByteLength ${maxByteLength}`);
    return new Memory(
      'shared',
      allocate(byteLength, () => new SharedArrayBuffer(byteLength, { maxByteLength })),
      0,
      null,
      null,
    );
  }

  /** New memory holding a copy of the bytes of `source` (a buffer, typed array, Buffer or DataView), placed as {@link Memory.alloc} places it. Always copies. */
  static copyOf(source: ArrayBufferView | ArrayBufferLike, options?: AllocOptions): Memory<0> {
    if (!ArrayBuffer.isView(source) && !isArrayBuffer(source) && !isSharedArrayBuffer(source)) {
      throw new UnsupportedError(
        `Memory.copyOf takes an ArrayBuffer, SharedArrayBuffer, typed array, Buffer or DataView, got ${describe(source)}`,
      );
    }
    if (isDetached(ArrayBuffer.isView(source) ? source.buffer : source)) {
      throw new DetachedError('cannot copy from a detached ArrayBuffer: it was transferred and holds no bytes');
    }
    const bytes = ArrayBuffer.isView(source)
      ? new Uint8Array(source.buffer, source.byteOffset, source.byteLength)
      : new Uint8Array(source);
    const memory = Memory.allocForCopy(bytes.byteLength, options);
    new Uint8Array(memory.#buffer, memory.#byteOffset, bytes.byteLength).set(bytes);
    return memory;
  }

  /**
   * Increments on every event that invalidates raw views; reading it notices growth done inside
   * wasm. A number, not `Gen`: the type parameter counts the invalidating calls the type checker
   * can see, and the run time may differ (a resize that grows invalidates nothing; growth inside a
   * wasm export happens without any call the types see).
   */
  get generation(): number {
    return this.#sync().generation;
  }

  /** `live`, `freed` (by {@link free}) or `detached` (transferred, here or elsewhere). */
  get status(): MemoryStatus {
    return this.#sync().status;
  }

  /** The bytes this owner spans now; 0 once freed or detached. */
  get byteLength(): number {
    const state = this.#sync();
    return state.status === 'live' ? state.byteLength : 0;
  }

  /** True for SharedArrayBuffer memory and shared wasm memory: other threads may write it at any time. */
  get isShared(): boolean {
    return isSharedArrayBuffer(this.#buffer);
  }

  /**
   * A view of `dtype` elements over this memory. Strides and offset count elements; the view is
   * checked to lie inside the memory, so no access through it can reach other bytes.
   */
  view<D extends DType>(dtype: D, options: ViewOptions & { readonly strides?: undefined }): View<D, 'C', Gen>;
  view<D extends DType>(dtype: D, options: ViewOptions): View<D, Layout, Gen>;
  view<D extends DType>(dtype: D, options: ViewOptions): View<D, Layout, Gen> {
    const info = dtypeInfo(dtype);
    if (options === null || typeof options !== 'object') {
      throw new ShapeError(`view options must be an object such as { shape: [6, 8] }, got ${String(options)}`);
    }
    const shape = checkShape(options.shape);
    const strides = options.strides === undefined ? shape2strides(shape) : checkStrides(options.strides, shape.length);
    const offset = options.offset === undefined ? 0 : checkSize(options.offset, 'offset');
    const state = this.#requireLive();
    if (state.byteOffset % info.itemsize !== 0) {
      throw new MisalignedError(
        `this memory starts at byte ${state.byteOffset} of its buffer, which is not a multiple of ${info.itemsize} (the size of ${dtype}); ` +
          `a ${dtype} view would be misaligned: copy the bytes into aligned memory with Memory.copyOf(), or read them with a DataView`,
      );
    }
    const capacity = Math.floor(state.byteLength / info.itemsize);
    if (numel(shape) === 0) {
      if (offset > capacity) {
        throw new OutOfBoundsError(`offset ${offset} is past the end of this memory (${capacity} ${dtype} elements)`);
      }
    } else {
      const { min, max } = extent(shape, strides, offset);
      if (min < 0 || max >= capacity) {
        throw new OutOfBoundsError(
          `a ${dtype} view of shape [${shape.join(', ')}], strides [${strides.join(', ')}] and offset ${offset} reaches elements ${min}..${max}, ` +
            `but this memory holds ${capacity} ${dtype} elements (${state.byteLength} bytes)`,
        );
      }
    }
    return View.over<D, Gen>(this, info, shape, strides, offset);
  }

  /**
   * Grows wasm memory by `pages` (64 KiB each). The old `memory.buffer` is detached, even for 0
   * pages, so raw typed arrays over it die and the generation moves; views re-derive. A memory
   * switched to a resizable buffer (`toResizableBuffer()`, Node 26) grows in place instead, and
   * nothing is invalidated.
   */
  grow(pages: number): Memory<NextGeneration<Gen>> {
    const wasm = this.#wasm;
    if (wasm === null) {
      throw new UnsupportedError(
        `grow(pages) is for wasm memory; this is ${this.kind} memory${this.kind === 'resizable' || this.kind === 'shared' ? ': use resize(byteLength)' : ''}`,
      );
    }
    if (this.#heapBlock !== null) {
      throw new UnsupportedError(
        "grow(pages) grows a whole WebAssembly.Memory; this is a fixed-size block of the runtime's wasm heap: allocate a larger one and assign into it",
      );
    }
    checkSize(pages, 'pages');
    this.#requireLive();
    try {
      growPages(wasm, pages);
    } catch (error) {
      throw new OutOfBoundsError(
        `cannot grow wasm memory of ${this.#spannedBytes()} bytes by ${pages} pages: ${(error as Error).message}; the module declares a maximum that this would pass`,
        { cause: error },
      );
    }
    this.#sync();
    return this as unknown as Memory<NextGeneration<Gen>>;
  }

  /**
   * Resizes a resizable ArrayBuffer (grow or shrink) or grows a growable SharedArrayBuffer.
   * Shrinking moves the generation: views that no longer fit throw OutOfBoundsError.
   */
  resize(byteLength: number): Memory<NextGeneration<Gen>> {
    checkSize(byteLength, 'byteLength');
    this.#requireLive();
    const buffer = this.#buffer;
    if (this.kind === 'resizable' && isArrayBuffer(buffer)) {
      if (byteLength > buffer.maxByteLength) {
        throw new OutOfBoundsError(
          `cannot resize to ${byteLength} bytes: this memory was created with maxByteLength ${buffer.maxByteLength}`,
        );
      }
      buffer.resize(byteLength);
    } else if (this.kind === 'shared' && isSharedArrayBuffer(buffer) && buffer.growable) {
      if (byteLength < buffer.byteLength) {
        throw new UnsupportedError(
          `a SharedArrayBuffer cannot shrink (from ${buffer.byteLength} to ${byteLength} bytes); other threads may still read those bytes`,
        );
      }
      if (byteLength > buffer.maxByteLength) {
        throw new OutOfBoundsError(
          `cannot grow to ${byteLength} bytes: this memory was created with maxByteLength ${buffer.maxByteLength}`,
        );
      }
      buffer.grow(byteLength);
    } else {
      throw new UnsupportedError(
        `resize() needs resizable memory (Memory.resizable or a growable Memory.shared); this is ${this.kind} memory` +
          (this.kind === 'array-buffer' ? ': transfer(byteLength) moves it into a buffer of a new size' : ''),
      );
    }
    this.#sync();
    return this as unknown as Memory<NextGeneration<Gen>>;
  }

  /**
   * Ends this owner: its views throw StaleViewError and its raw pointers StalePointerError. A
   * whole non-shared ArrayBuffer is detached so its storage can be reclaimed; wasm, shared and
   * range memory belong to others as well and are left as they are. Freeing twice does nothing.
   */
  free(): Memory<NextGeneration<Gen>> {
    const state = this.#sync();
    if (state.status === 'live') {
      // A buffer that cannot be detached (one a WebAssembly.Memory owns) is only marked.
      if (this.kind === 'array-buffer' || this.kind === 'resizable') tryDetach(this.#buffer as ArrayBuffer);
      if (this.#heapBlock !== null) {
        heapBlocks.unregister(this);
        this.#heapBlock.heap.release(this.#heapBlock.block);
        this.#heapBlock = null;
      }
      this.#status = 'freed';
      this.#invalidate('the memory was freed');
      this.#lastByteLength = 0;
    }
    return this as unknown as Memory<NextGeneration<Gen>>;
  }

  /**
   * Moves the bytes into a new owner (ArrayBuffer#transfer): this one becomes detached, with its
   * views and pointers. With `byteLength`, the new buffer has that size (truncated or zero-filled).
   */
  transfer(byteLength?: number): Memory<0> {
    if (this.kind !== 'array-buffer' && this.kind !== 'resizable') {
      throw new UnsupportedError(
        this.kind === 'range'
          ? 'cannot transfer memory adopted from part of a buffer: transferring would detach the bytes around it, which belong to others; Memory.copyOf() copies this range'
          : this.#heapBlock !== null
            ? "cannot transfer a block of the runtime's wasm heap: its bytes are part of a WebAssembly.Memory that other allocations share. " +
              "Allocate with { placement: 'js' } for memory that can be transferred, or copy this one with Memory.copyOf(bytes, { placement: 'js' })"
            : `cannot transfer ${this.kind} memory: only an ArrayBuffer that this memory owns whole can be transferred`,
      );
    }
    this.#requireLive();
    const target = byteLength === undefined ? undefined : checkSize(byteLength, 'byteLength');
    const moved = transferBuffer(this.#buffer as ArrayBuffer, target);
    this.#status = 'detached';
    this.#invalidate('the memory was transferred; use the Memory that transfer() returned');
    this.#lastByteLength = 0;
    return Memory.fromArrayBuffer(moved);
  }

  /** The live state, or the named error for a freed or detached owner. */
  #requireLive(): MemoryState {
    const state = this.#sync();
    if (state.status === 'freed')
      throw new StaleViewError('this memory was freed; allocate new memory instead of reusing a freed owner');
    if (state.status === 'detached') throw new DetachedError(`this memory is detached: ${state.lastEvent}`);
    return state;
  }

  #invalidate(event: string): void {
    this.#counter.generation++;
    this.#lastEvent = event;
  }

  /** Notices what may have happened behind our back: growth inside wasm, a shrink or detach by other code. */
  #sync(): MemoryState {
    if (this.#status === 'live') {
      if (this.#wasm !== null) {
        const current = this.#wasm.buffer;
        if (current !== this.#buffer) {
          // Shared wasm memory grows without detaching: old views stay valid, so nothing is invalidated.
          // The old buffer reads 0 bytes once detached, so its length comes from the last look.
          if (!isSharedArrayBuffer(current))
            this.#invalidate(wasmBufferReplaced(this.#buffer, current, this.#lastByteLength));
          this.#buffer = current;
          this.#lastByteLength = current.byteLength;
        }
      } else {
        const length = this.#spannedBytes();
        // An empty buffer detached by other code loses no bytes: only asking tells.
        const detached = length === 0 && this.#buffer.byteLength === 0 && isDetached(this.#buffer);
        if (length < this.#lastByteLength || detached) {
          if (detached) {
            this.#status = 'detached';
            this.#invalidate(
              'its ArrayBuffer was detached by other code (transferred with postMessage, structuredClone or transfer(), or replaced by a wasm memory.grow)',
            );
          } else {
            this.#invalidate(`its buffer shrank from ${this.#lastByteLength} to ${length} bytes`);
          }
        }
        this.#lastByteLength = length;
      }
    }
    return {
      buffer: this.#buffer,
      storage: this.#wasm ?? this.#buffer,
      byteOffset: this.#byteOffset,
      byteLength: this.#status === 'live' ? this.#spannedBytes() : 0,
      generation: this.#counter.generation,
      status: this.#status,
      lastEvent: this.#lastEvent,
    };
  }

  /** The bytes of the buffer this owner spans now: a range owner only loses bytes when its range is cut. */
  #spannedBytes(): number {
    const available = this.#buffer.byteLength - this.#byteOffset;
    if (this.#rangeLength === null) return available;
    return Math.max(0, Math.min(this.#rangeLength, available));
  }
}

/**
 * Where new bytes live: `js` (an ArrayBuffer of their own) or `wasm` (a block of the runtime's wasm
 * heap). Left out, `wasm` where the engine runs the SIMD kernels and the heap can hold the bytes,
 * otherwise `js`.
 */
export type Placement = 'js' | 'wasm';

export interface AllocOptions {
  readonly placement?: Placement | undefined;
}

interface HeapAllocation {
  readonly heap: WasmHeap;
  readonly block: HeapBlock;
}

/** Heap blocks of owners that were collected without `free()` go back to the heap. */
const heapBlocks = new FinalizationRegistry<HeapAllocation>(({ heap, block }) => heap.release(block));

function allocateMemory(byteLength: number, placement: Placement | undefined, zeroed: boolean): Memory<0> {
  if (placement === 'wasm') {
    if (wasmApi === undefined)
      throw new UnsupportedError(
        "placement: 'wasm' needs WebAssembly, which this JavaScript engine does not offer; leave placement out to allocate an ArrayBuffer",
      );
    return Memory.inHeap(wasmHeap(), byteLength, zeroed);
  }
  if (placement === undefined && byteLength <= MAX_ARENA_BYTES && simdKernelsCompile()) {
    try {
      return Memory.inHeap(wasmHeap(), byteLength, zeroed);
    } catch (error) {
      // An arena the engine would not reserve: the bytes go to an ArrayBuffer, as where there is no heap.
      if (!(error instanceof OutOfBoundsError)) throw error;
    }
  }
  return Memory.fromArrayBuffer(allocate(byteLength, () => new ArrayBuffer(byteLength)));
}

function placementOf(options: AllocOptions | undefined): Placement | undefined {
  const placement = options?.placement;
  if (placement !== undefined && placement !== 'js' && placement !== 'wasm')
    throw new UnsupportedError(`placement must be 'js' or 'wasm', got ${String(placement)}`);
  return placement;
}

/** The type of a memory owner: a {@link Memory} at generation `Gen`. */
export type Owned<Gen extends number = number> = Memory<Gen>;

/** An ArrayBuffer of this realm or another (a `vm` context, a worker's structured clone). */
function isArrayBuffer(value: unknown): value is ArrayBuffer {
  return value instanceof ArrayBuffer || Object.prototype.toString.call(value) === '[object ArrayBuffer]';
}

export function isSharedArrayBuffer(value: unknown): value is SharedArrayBuffer {
  return typeof SharedArrayBuffer === 'function' && value instanceof SharedArrayBuffer;
}

/** Node 20 has no `ArrayBuffer#detached`; constructing a view over a detached buffer throws instead. */
export function isDetached(buffer: ArrayBufferLike): boolean {
  if (isSharedArrayBuffer(buffer)) return false;
  const native = (buffer as { detached?: boolean }).detached;
  if (typeof native === 'boolean') return native;
  if (buffer.byteLength !== 0) return false;
  try {
    new Uint8Array(buffer, 0, 0);
    return false;
  } catch {
    return true;
  }
}

/** The host's structuredClone (Node 17+, every browser); ES itself does not define it. */
const { structuredClone } = globalThis as unknown as {
  structuredClone: <T>(value: T, options: { transfer: ArrayBuffer[] }) => T;
};

/** Runs an allocation, turning the engine's RangeError for an impossible size into a named error. */
function allocate<T>(byteLength: number, make: () => T): T {
  try {
    return make();
  } catch (error) {
    throw new OutOfBoundsError(`cannot allocate ${byteLength} bytes: ${(error as Error).message}`, { cause: error });
  }
}

/**
 * Detaches `buffer` so that its storage can be reclaimed and raw views over it read nothing. The
 * buffer of a WebAssembly.Memory is not detachable: Node 21+ refuses, Node 20 copies it instead;
 * either way it is left as it is.
 */
function tryDetach(buffer: ArrayBuffer): void {
  try {
    structuredClone(buffer, { transfer: [buffer] });
  } catch {
    // not detachable: the owner is still marked freed
  }
}

/**
 * ArrayBuffer#transfer where the engine has it (Node 21+), otherwise a structuredClone move. A
 * buffer that cannot be detached is refused rather than silently copied.
 */
function transferBuffer(buffer: ArrayBuffer, byteLength: number | undefined): ArrayBuffer {
  const length = buffer.byteLength;
  if (byteLength !== undefined && buffer.resizable && byteLength > buffer.maxByteLength) {
    throw new OutOfBoundsError(
      `cannot transfer to ${byteLength} bytes: this memory was created with maxByteLength ${buffer.maxByteLength}`,
    );
  }
  const refused = (): UnsupportedError =>
    new UnsupportedError(
      'cannot transfer this ArrayBuffer: it is not detachable (it belongs to a WebAssembly.Memory); Memory.copyOf() copies it',
    );
  const tooBig = (error: unknown): OutOfBoundsError =>
    new OutOfBoundsError(`cannot transfer to ${byteLength} bytes: ${(error as Error).message}`, { cause: error });
  const native = (buffer as { transfer?: (length?: number) => ArrayBuffer }).transfer;
  if (typeof native === 'function') {
    try {
      return native.call(buffer, byteLength);
    } catch (error) {
      // The new buffer is allocated before the old one is detached: a refusal leaves the source whole.
      throw error instanceof RangeError && !isDetached(buffer) && byteLength !== undefined
        ? tooBig(error)
        : Object.assign(refused(), { cause: error });
    }
  }
  // Without ArrayBuffer#transfer (Node 20), a new size needs a second buffer: it is allocated
  // before the move, so that a size the engine refuses leaves the source and its bytes as they were.
  const changesSize = byteLength !== undefined && byteLength !== length && !buffer.resizable;
  let resized: ArrayBuffer | undefined;
  if (changesSize) {
    try {
      resized = new ArrayBuffer(byteLength);
    } catch (error) {
      throw tooBig(error);
    }
  }
  let moved: ArrayBuffer;
  try {
    moved = structuredClone(buffer, { transfer: [buffer] });
  } catch (error) {
    throw Object.assign(refused(), { cause: error });
  }
  // Reading the source after the transfer is the point: only a detached source proves a move.
  // eslint-disable-next-line memsafe/no-use-after-transfer
  if (!isDetached(buffer)) throw refused();
  if (byteLength === undefined || byteLength === length) return moved;
  if (resized === undefined) {
    moved.resize(byteLength);
    return moved;
  }
  new Uint8Array(resized).set(new Uint8Array(moved, 0, Math.min(length, byteLength)));
  return resized;
}

function describe(value: unknown): string {
  if (value === null) return 'null';
  if (typeof value === 'object') return value.constructor?.name ?? 'an object';
  return typeof value;
}

/**
 * Grows `memory` by `pages`. A 64-bit memory (Node 24) counts pages in BigInts, and a Number fails
 * its conversion before anything grows, as a BigInt does for a 32-bit one: the TypeError is how the
 * two tell apart, since a Memory does not say its address type.
 */
function growPages(memory: WasmMemoryLike, pages: number): void {
  try {
    memory.grow(pages);
  } catch (error) {
    if (!(error instanceof TypeError)) throw error;
    try {
      (memory as unknown as { grow(delta: bigint): bigint }).grow(BigInt(pages));
    } catch (second) {
      // Neither counting fits: the first error says what this memory took amiss.
      throw second instanceof TypeError ? error : second;
    }
  }
}

/**
 * Why a wasm memory's buffer was replaced: growth, or a switch between a fixed-length and a
 * resizable buffer (`toResizableBuffer()` and `toFixedLengthBuffer()`, Node 26), which detaches
 * the old buffer without growing.
 */
function wasmBufferReplaced(old: ArrayBufferLike, current: ArrayBuffer, oldByteLength: number): string {
  const wasResizable = (old as ArrayBuffer).resizable === true;
  if (current.resizable && !wasResizable)
    return 'wasm memory was switched to a resizable buffer (toResizableBuffer()), detaching the fixed-length memory.buffer';
  if (!current.resizable && wasResizable)
    return 'wasm memory was switched back to a fixed-length buffer (toFixedLengthBuffer()), detaching the resizable one';
  return `wasm memory grew from ${oldByteLength} to ${current.byteLength} bytes, detaching the old memory.buffer`;
}
