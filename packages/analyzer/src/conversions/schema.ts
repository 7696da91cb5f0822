/**
 * The schema of the conversion table: the one place that says which conversions copy and which
 * share memory. Rules, hovers, `memsafe explain`, the generated docs and the row-execution test
 * all read rows of this shape.
 */

/** What a conversion produces, relative to its source's memory. */
export type ConversionResult =
  /** shares the source's bytes, read as the same kind of element */
  | 'view'
  /** new, independent storage */
  | 'copy'
  /** the bytes move into the result, and the source is detached */
  | 'move'
  /** the source is detached (or replaced), and nothing usable is returned over its old bytes */
  | 'detach'
  /** shares the source's bytes, read as a different element type or layout */
  | 'reinterpret'
  /** the call throws (a DataCloneError, a TypeError): nothing is converted, the source is untouched */
  | 'throws';

/** What can go wrong with a conversion even when the code does what it says. */
export type Hazard =
  /** the result reaches Node's shared Buffer pool, other Buffers' bytes included */
  | 'pool-aliasing'
  /** the result is the whole backing store, not the bytes of the view it came from */
  | 'whole-backing-buffer'
  /** the result dies (detached, length 0, reads undefined) when wasm memory grows */
  | 'detached-after-grow'
  /** a fixed-length view falls out of bounds (length 0) when a resizable buffer shrinks */
  | 'out-of-bounds-after-shrink'
  /** the source is detached by the conversion: later uses of it read nothing */
  | 'detaches-source'
  /** on a detached or empty source the result is silently empty instead of an error */
  | 'silent-empty-result'
  /** elements are converted to the result's element type and may lose value (wrap, clamp, round) */
  | 'lossy-element-conversion'
  /** bytes or elements beyond a length are cut off without an error */
  | 'truncation'
  /** throws RangeError when an offset or length is not a multiple of the element size */
  | 'misalignment-range-error'
  /** elements become boxed JS values (numbers in an array, characters in a string): large and slow */
  | 'boxing'
  /** the memory is shared with other threads: reads and writes race without Atomics */
  | 'shared-memory-race'
  /** copy or view depends on the runtime class (a Uint8Array may be a Buffer) */
  | 'class-dependent'
  /** invalid input is replaced (U+FFFD for bad UTF-8, dropped characters for bad base64) */
  | 'lossy-decoding'
  /** the API is deprecated in Node */
  | 'deprecated'
  /** the bytes are not initialised: they may hold old data from the pool or the heap */
  | 'uninitialized-memory'
  /** multi-byte values read in the platform's byte order, or big-endian by default (DataView) */
  | 'byte-order';

/**
 * The kinds of value the analyzer tells apart by their type. A TypedArray operand means any typed
 * array class (a Buffer is also a TypedArray; rows that differ for Buffer say `Buffer`).
 */
export type Operand =
  | 'ArrayBuffer'
  | 'ResizableArrayBuffer'
  | 'SharedArrayBuffer'
  | 'TypedArray'
  | 'BigIntTypedArray'
  | 'Buffer'
  | 'DataView'
  | 'number[]'
  | 'iterable'
  | 'number'
  | 'string'
  | 'Blob'
  | 'WebAssembly.Memory'
  /** `memory.buffer` of a WebAssembly.Memory: an ArrayBuffer the next grow detaches, which cannot be transferred */
  | 'memory.buffer'
  | 'memsafe.Memory'
  | 'memsafe.View'
  | 'object'
  | 'any';

/** How the analyzer recognises a conversion in code. `args` constrain the leading arguments. */
export type ConversionPattern =
  /** `new Callee(args…)`; `TypedArray` stands for every typed array constructor */
  | { readonly kind: 'new'; readonly callee: string; readonly args: readonly Operand[] }
  /** `receiver.name(args…)` on a value of the receiver's kind */
  | { readonly kind: 'method'; readonly receiver: Operand; readonly name: string; readonly args?: readonly Operand[] }
  /** a call of a named function or static method: `Buffer.from(…)`, `structuredClone(…)`, `TypedArray.from(…)` */
  | { readonly kind: 'call'; readonly callee: string; readonly args: readonly Operand[] }
  /** reading `receiver.name`, such as `view.buffer` or `memory.buffer` */
  | { readonly kind: 'property'; readonly receiver: Operand; readonly name: string }
  /** spreading a value into an array literal or an argument list: `[...ta]` */
  | { readonly kind: 'spread'; readonly of: Operand };

export type ConversionGroup =
  | 'ArrayBuffer'
  | 'SharedArrayBuffer'
  | 'TypedArray'
  | 'DataView'
  | 'Buffer'
  | 'number[]'
  | 'strings'
  | 'Blob'
  | 'WebAssembly'
  | 'structured clone and transfer'
  | 'v8 serialize'
  | '@memsafe/runtime';

/** What a row says happens: the result, whether memory is shared, what can go wrong. */
export interface ConversionClaim {
  readonly result: ConversionResult;
  /** True when writes through the result are seen through the source, or the reverse. */
  readonly sharesMemory: boolean;
  readonly hazards: readonly Hazard[];
}

export interface ConversionRow extends ConversionClaim {
  /** Stable kebab-case id, used by tests, docs anchors and hovers. */
  readonly id: string;
  readonly group: ConversionGroup;
  /** The expression as a reader would write it, e.g. `new Uint8Array(typedArray)`. */
  readonly expression: string;
  readonly pattern: ConversionPattern;
  /** The first Node.js version that has the API, as `major.minor.patch`. */
  readonly since: string;
  /**
   * What the conversion did on Node releases before `until`, where that differs from the claim
   * above (which holds for the current releases): the tests check each Node against the claim for
   * its version.
   */
  readonly earlier?: ConversionClaim & { readonly until: string };
  /** One sentence for the docs and hovers: what to know, and the alternative when there is a hazard. */
  readonly note: string;
}
