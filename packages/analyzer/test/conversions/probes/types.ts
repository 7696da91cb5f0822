import type { Hazard } from '../../../src/conversions/schema.js';

/**
 * One end of a conversion as the test handles it: read it, write through it, ask whether its
 * memory is detached. The test learns whether the two ends share memory by writing one and reading
 * the other, so a probe never states the answer itself.
 */
export interface Side {
  /** The value itself (a typed array, a string, a memsafe View, …). */
  readonly value: unknown;
  /**
   * What one element is: 'bytes' for untyped memory (ArrayBuffer, SharedArrayBuffer, wasm or
   * memsafe Memory), a memsafe dtype for typed elements, or 'dataview', 'string', 'number', 'array', 'blob'.
   * A `view` keeps the kind; a `reinterpret` changes it.
   */
  readonly kind: string;
  /** A snapshot of the contents, comparable with isDeepStrictEqual. */
  read(): unknown;
  /** Changes every byte or element through this side; absent when the side cannot be written. */
  readonly write?: () => void | Promise<void>;
  /** True once the memory behind this side is detached (byteLength 0). */
  readonly detached?: () => boolean;
}

/** Evidence that a hazard happened: returns true when it was observed on this Node. */
export type Evidence = () => boolean | Promise<boolean>;

/** A hazard that no program can observe on a running Node, with the reason. */
export interface Unobservable {
  readonly unobservable: string;
}

export interface Outcome {
  readonly source: Side;
  readonly result: Side;
  /** Exactly the row's hazards, each with evidence or the reason it cannot be observed. */
  readonly hazards: Partial<Record<Hazard, Evidence | Unobservable>>;
  /** For `move` rows: what the result must hold (the source's bytes before the move). */
  readonly expected?: unknown;
  /** Releases what the probe started (workers, ports). */
  readonly dispose?: () => void | Promise<void>;
}

export interface Probe {
  /** An API newer than some supported Node: `present()` tells whether this Node has it. */
  readonly api?: { readonly name: string; readonly present: () => boolean };
  /** Performs the conversion on fresh inputs. */
  run(): Outcome | Promise<Outcome>;
}

export type ProbeTable = Readonly<Record<string, Probe>>;
