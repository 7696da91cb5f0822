import type TS from 'typescript';
import { cacheFor } from '../cache.js';
import { eventById, type EventId, type InvalidatingEvent } from '../conversions/events.js';
import { EXPORT_OBJECTS, GROWING_FUNCTIONS, PURE_FUNCTIONS } from '../glue/wasm.js';
import { GrowthOracle } from './growth.js';
import { TransferOracle } from './transfers.js';

/** An event of the events table in code: the row, and what this call does in words. */
export interface EventInCode {
  readonly event: InvalidatingEvent;
  readonly words: string;
}

/**
 * The invalidating event a call is, as the flow rules see it with their default settings: wasm
 * growth (directly or through a function that reaches it), a shrink, a free, a transfer. For
 * `memsafe explain` and the editor hovers.
 */
export function eventAt(ts: typeof TS, program: TS.Program, node: TS.Node): EventInCode | undefined {
  if (!ts.isCallExpression(node)) return undefined;
  const checker = program.getTypeChecker();
  const cache = cacheFor(program);
  const growth = new GrowthOracle(ts, checker, cache, {
    exportObjects: new Set(EXPORT_OBJECTS),
    pureFunctions: new Set(PURE_FUNCTIONS),
    growingFunctions: new Set(GROWING_FUNCTIONS),
  }).ofCall(node);
  if (growth !== undefined) return { event: eventById(growth.event), words: growth.invalidation.event };
  const transfer = new TransferOracle(ts, checker, cache, program).ofCall(node);
  if (transfer === undefined) return undefined;
  const id: EventId = transfer.id ?? 'post-message-transfer';
  return { event: eventById(id), words: transfer.event };
}
