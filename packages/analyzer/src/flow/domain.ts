import type TS from 'typescript';
import type { PathKey } from './paths.js';
import type { Entry, Invalidation } from './state.js';

/** The tracked entry of a reference (`x`, `this.view`, `a.b[i]`) read at this point, if it holds one. */
export type Lookup<Info> = (reference: TS.Expression) => Entry<Info> | undefined;

/** An event that makes some tracked values unusable. */
export interface Effect<Info> {
  readonly invalidation: Invalidation;
  /** Which tracked values the event reaches. */
  affects(info: Info): boolean;
  /**
   * References the event reaches by name, tracked or not (`image.data` for a callee that transfers
   * its parameter's `data`): they and every path under them become stale, made with `info`.
   */
  readonly marks?: readonly {
    readonly reference: TS.Expression;
    readonly members: readonly string[];
    readonly info: Info;
  }[];
}

/**
 * What a check teaches the interpreter: which values to track, which events invalidate them, and
 * what to say about a use of an invalidated one. Every method is asked only at its trigger (a
 * declaration's initializer, a call, a `new`, an `await`), never for every node.
 */
export interface FlowDomain<Info> {
  /** The value `expression` produces, when it is one to track. */
  track(expression: TS.Expression, lookup: Lookup<Info>): Info | undefined;
  /**
   * The value of member `name` of `object`, read by destructuring (`const { HEAPU8 } = Module`):
   * what `object.name` would be, for a member that is no tracked path of its own.
   */
  trackMember?(object: TS.Expression, name: string, origin: TS.Node, lookup: Lookup<Info>): Info | undefined;
  /** What evaluating `node` does to tracked values, after its operands were evaluated. */
  effectOf(
    node: TS.CallExpression | TS.NewExpression | TS.AwaitExpression,
    lookup: Lookup<Info>,
  ): Effect<Info> | undefined;
  /**
   * Whether a value a callback finds when it runs later (after the code that registered it moved
   * on) may have been invalidated in between: the invalidation to assume, if so.
   */
  laterEntry?(info: Info): Invalidation | undefined;
  /**
   * Whether the domain's effects mark references by name (`Effect.marks`), so that a call matters
   * even where nothing is tracked yet; and whether handing on an object that holds a stale value
   * (`encode(image)` after `image.data` was transferred) counts as a use of that value.
   */
  readonly marksReferences?: boolean;
  /** Paths a call re-derives (Emscripten's `updateMemoryViews()`, a method that re-creates `this.view`). */
  refreshedBy?(call: TS.CallExpression): readonly PathKey[];
  /**
   * A read of an invalidated value; `write` when it is the target object of an assignment. Returns
   * whether it was reported (a read the domain deems harmless is not, and does not count as said).
   */
  report(use: TS.Expression, entry: Entry<Info>, stale: Invalidation, write: boolean): boolean;
}
