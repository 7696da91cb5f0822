import type TS from 'typescript';
import { isUnder, type PathKey } from './paths.js';

/** Why tracked values became unusable: the node that did it and words for the message. */
export interface Invalidation {
  readonly site: TS.Node;
  /** What happened, for messages: "may grow the memory and detach its buffer". */
  readonly event: string;
  /** The call as written, or a short name for it: "`exports.malloc(…)`". */
  readonly what: string;
  /**
   * Not an event the code in view causes, but one that may have happened between calls: a view
   * kept in a field or a module variable, or used by a callback that runs later. A concrete event
   * in the code replaces it, so that the message names what the code itself does.
   */
  readonly between?: true;
  /**
   * Growth that other code may cause while this code waits (an `await`), not growth this code
   * causes: a call in the code that may grow replaces it too, for the same reason.
   */
  readonly whileWaiting?: true;
}

/**
 * A tracked value held at a path, and the invalidation that reached it, if any. Domains make one
 * `info` object per origin, so that two passes over a loop produce equal states.
 */
export interface Entry<Info> {
  readonly info: Info;
  readonly stale: Invalidation | null;
}

/** What is known at one program point; `null` stands for an unreachable point (after return, throw…). */
export type State<Info> = Map<PathKey, Entry<Info>> | null;

export function copyState<Info>(state: State<Info>): State<Info> {
  return state === null ? null : new Map(state);
}

/**
 * Where two paths meet: a value is tracked if either path tracks it, and stale if either path
 * made it stale (the analysis looks for uses that *may* be stale). The lattice per key is
 * untracked ⊑ fresh ⊑ stale, so loops reach a fixed point after a few passes.
 */
export function joinStates<Info>(...states: State<Info>[]): State<Info> {
  const present = states.filter((state): state is Map<PathKey, Entry<Info>> => state !== null);
  // The same map on every path (a branch that changed nothing): the join is that map, shared.
  if (present.length === 0) return null;
  if (present.every(state => state === present[0])) return present[0]!;
  let joined: Map<PathKey, Entry<Info>> | null = null;
  for (const state of present) {
    if (joined === null) {
      joined = new Map(state);
      continue;
    }
    for (const [key, entry] of state) {
      const other = joined.get(key);
      if (other === undefined || (other.stale === null && entry.stale !== null)) joined.set(key, entry);
    }
  }
  return joined;
}

/** Equal for the analysis: the same keys, holding the same values, equally stale. */
export function sameState<Info>(a: State<Info>, b: State<Info>): boolean {
  if (a === b) return true;
  if (a === null || b === null) return false;
  if (a.size !== b.size) return false;
  for (const [key, entry] of a) {
    const other = b.get(key);
    if (other === undefined || other.info !== entry.info || (other.stale === null) !== (entry.stale === null))
      return false;
  }
  return true;
}

/** Forgets `key` and every path under it: the reference now holds another object. */
export function killPath<Info>(state: Map<PathKey, Entry<Info>>, key: PathKey): void {
  state.delete(key);
  for (const other of [...state.keys()]) if (isUnder(other, key)) state.delete(other);
}
