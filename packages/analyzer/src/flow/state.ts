import type TS from 'typescript';

/** Why tracked values became unusable: the node that did it and words for the message. */
export interface Invalidation {
  readonly site: TS.Node;
  /** What happened, for messages: "may grow the memory and detach its buffer". */
  readonly event: string;
  /** The call as written, or a short name for it: "`exports.malloc(…)`". */
  readonly what: string;
}

/** A tracked value held by a variable, and the invalidation that reached it, if any. */
export interface Entry<Info> {
  readonly info: Info;
  readonly stale: Invalidation | null;
}

/** What is known at one program point; `null` stands for an unreachable point (after return, throw…). */
export type State<Info> = Map<TS.Symbol, Entry<Info>> | null;

export function copyState<Info>(state: State<Info>): State<Info> {
  return state === null ? null : new Map(state);
}

/**
 * Where two paths meet: a value is tracked if either path tracks it, and stale if either path
 * made it stale (the analysis looks for uses that *may* be stale).
 */
export function joinStates<Info>(...states: State<Info>[]): State<Info> {
  let joined: Map<TS.Symbol, Entry<Info>> | null = null;
  for (const state of states) {
    if (state === null) continue;
    if (joined === null) {
      joined = new Map(state);
      continue;
    }
    for (const [symbol, entry] of state) {
      const other = joined.get(symbol);
      if (other === undefined || (other.stale === null && entry.stale !== null)) joined.set(symbol, entry);
    }
  }
  return joined;
}
