import type TS from 'typescript';
import type { Entry, Invalidation } from './state.js';

/** The tracked entry of an identifier read at this point, if its variable holds a tracked value. */
export type Lookup<Info> = (identifier: TS.Identifier) => Entry<Info> | undefined;

/** An event that makes some tracked values unusable. */
export interface Effect<Info> {
  readonly invalidation: Invalidation;
  /** Which tracked values the event reaches. */
  affects(info: Info): boolean;
}

/**
 * What a check teaches the interpreter: which values to track, which events invalidate them, and
 * what to say about a use of an invalidated one. Every method is asked only at its trigger (a
 * declaration's initializer, a call, a `new`, an `await`), never for every node.
 */
export interface FlowDomain<Info> {
  /** The value `expression` produces, when it is one to track. */
  track(expression: TS.Expression, lookup: Lookup<Info>): Info | undefined;
  /** What evaluating `node` does to tracked values, after its operands were evaluated. */
  effectOf(node: TS.CallExpression | TS.NewExpression | TS.AwaitExpression, lookup: Lookup<Info>): Effect<Info> | undefined;
  /** Variables of enclosing scopes that a call re-derives (Emscripten's `updateMemoryViews()`). */
  refreshedBy?(call: TS.CallExpression): readonly TS.Symbol[];
  /** A read of an invalidated value; `write` when it is the target object of an assignment. */
  report(use: TS.Identifier, entry: Entry<Info>, stale: Invalidation, write: boolean): void;
}
