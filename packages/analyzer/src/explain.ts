import type TS from 'typescript';
import { conversionAt } from './conversions/lookup.js';
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
}

/** The conversion `node` is, described as `explain` reports it; undefined when it is none. */
export function explainNode(ts: typeof TS, checker: TS.TypeChecker, node: TS.Node, sourceFile: TS.SourceFile): Explanation | undefined {
  if (!(ts.isNewExpression(node) || ts.isCallExpression(node) || ts.isPropertyAccessExpression(node) || ts.isSpreadElement(node))) return undefined;
  const row = conversionAt(ts, checker, node);
  if (row === undefined) return undefined;
  const { line, column } = position(sourceFile, node.getStart(sourceFile));
  const text = node.getText(sourceFile);
  const bytes = allocatedBytes(ts, node, row);
  return {
    file: sourceFile.fileName,
    line,
    column,
    text: abbreviate(text, 80),
    result: row.result,
    sharesMemory: row.sharesMemory,
    hazard: row.hazards[0] ?? null,
    hazards: row.hazards,
    conversion: row.id,
    note: row.note,
    ...(bytes === undefined ? {} : { bytes }),
  };
}

/** Every conversion in `sourceFile`, in source order. */
export function explainFile(ts: typeof TS, checker: TS.TypeChecker, sourceFile: TS.SourceFile): Explanation[] {
  const found: Explanation[] = [];
  walk(ts, sourceFile, node => {
    const explanation = explainNode(ts, checker, node, sourceFile);
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
