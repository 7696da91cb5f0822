import type TS from 'typescript';
import type { EventEffect } from './conversions/events.js';
import { hazardsAt } from './conversions/hazards-at.js';
import { conversionAt } from './conversions/lookup.js';
import { eventAt } from './memory/events-at.js';
import type { ConversionResult, ConversionRow, Hazard } from './conversions/schema.js';
import { position } from './finding.js';
import { ELEMENT_SIZES } from './types/classify.js';
import { abbreviate, skipOuter, walk } from './util/syntax.js';

/** One conversion found in code, as `memsafe explain` reports it. */
export interface Explanation {
  readonly file: string;
  readonly line: number;
  readonly column: number;
  readonly text: string;
  readonly result: ConversionResult;
  readonly sharesMemory: boolean;
  /** The first hazard of the row, or null; `hazards` has them all. */
  readonly hazard: Hazard | null;
  readonly hazards: readonly Hazard[];
  readonly conversion: string;
  readonly note: string;
  /** Bytes a copy allocates, where the code states a length. */
  readonly bytes?: number;
  /** For an invalidating event rather than a conversion: what it does to memory other code holds. */
  readonly invalidates?: string;
}

/**
 * The conversion `node` is, described as `explain` reports it; undefined when it is none. Given
 * the program, a call that is an invalidating event of the events table (one that may grow wasm
 * memory, shrink a buffer, free or transfer memory) is described too.
 */
export function explainNode(
  ts: typeof TS,
  checker: TS.TypeChecker,
  node: TS.Node,
  sourceFile: TS.SourceFile,
  program?: TS.Program,
): Explanation | undefined {
  if (!(
    ts.isNewExpression(node) ||
    ts.isCallExpression(node) ||
    ts.isPropertyAccessExpression(node) ||
    ts.isSpreadElement(node)
  ))
    return undefined;
  const row = conversionAt(ts, checker, node);
  if (row === undefined) return program === undefined ? undefined : explainEvent(ts, program, node, sourceFile);
  const { line, column } = position(sourceFile, node.getStart(sourceFile));
  const text = node.getText(sourceFile);
  const bytes = allocatedBytes(ts, node, row);
  const hazards = hazardsAt(ts, checker, node, row);
  return {
    file: sourceFile.fileName,
    line,
    column,
    text: abbreviate(text, 80),
    result: row.result,
    sharesMemory: row.sharesMemory,
    hazard: hazards[0] ?? null,
    hazards,
    conversion: row.id,
    note: row.note,
    ...(bytes === undefined ? {} : { bytes }),
  };
}

/** What an invalidating event does, as `explain` reports it: a detach, with the hazard it brings. */
function explainEvent(
  ts: typeof TS,
  program: TS.Program,
  node: TS.Node,
  sourceFile: TS.SourceFile,
): Explanation | undefined {
  const found = eventAt(ts, program, node);
  if (found === undefined) return undefined;
  const hazard: Hazard = EVENT_HAZARDS[found.event.effect];
  const { line, column } = position(sourceFile, node.getStart(sourceFile));
  return {
    file: sourceFile.fileName,
    line,
    column,
    text: abbreviate(node.getText(sourceFile), 80),
    result: 'detach',
    sharesMemory: false,
    hazard,
    hazards: [hazard],
    conversion: found.event.id,
    note: found.event.evidence.kind === 'convention' ? found.event.evidence.why : '',
    invalidates: found.words,
  };
}

const EVENT_HAZARDS: Readonly<Record<EventEffect, Hazard>> = {
  grow: 'detached-after-grow',
  shrink: 'out-of-bounds-after-shrink',
  free: 'detaches-source',
  transfer: 'detaches-source',
  switch: 'detaches-source',
};

/** Every conversion in `sourceFile`, in source order, and with the program, every invalidating event. */
export function explainFile(
  ts: typeof TS,
  checker: TS.TypeChecker,
  sourceFile: TS.SourceFile,
  program?: TS.Program,
): Explanation[] {
  const found: Explanation[] = [];
  walk(ts, sourceFile, node => {
    const explanation = explainNode(ts, checker, node, sourceFile, program);
    if (explanation !== undefined) found.push(explanation);
  });
  return found;
}

/** `new Float64Array(512)` or `Buffer.alloc(4096)`: the size is in the code. */
function allocatedBytes(ts: typeof TS, node: TS.Node, row: ConversionRow): number | undefined {
  if (row.result !== 'copy' && !row.id.includes('alloc') && !row.id.includes('length')) return undefined;
  const args = ts.isNewExpression(node) || ts.isCallExpression(node) ? (node.arguments ?? []) : [];
  const first = args[0] === undefined ? undefined : skipOuter(ts, args[0]);
  if (first === undefined || !ts.isNumericLiteral(first)) return undefined;
  const count = Number(first.text);
  if (ts.isNewExpression(node) && ts.isIdentifier(node.expression)) {
    const size = ELEMENT_SIZES[node.expression.text];
    if (size !== undefined) return count * size;
    if (node.expression.text === 'ArrayBuffer' || node.expression.text === 'SharedArrayBuffer') return count;
  }
  return ts.isCallExpression(node) && node.expression.getText().startsWith('Buffer.') ? count : undefined;
}
