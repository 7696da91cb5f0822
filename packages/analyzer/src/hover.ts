import { bufferPoolSizeText } from './platform/buffer-pool.js';
import { nodeRangeOf } from './platform/node-range.js';
import type TS from 'typescript';
import { explainNode, type Explanation } from './explain.js';
import type { Finding } from './finding.js';

/** How far up from the token under the cursor a conversion is looked for: `x` in `x.slice()` is two levels. */
const CLIMB = 3;

/**
 * The memsafe lines for a hover: what the conversion under the cursor does, from the conversion
 * table ("view — shares memory with `buf` (no copy)"), and whether a view there is stale, from the
 * flow analysis (`findings`, the file's). The tsserver plugin and `memsafe lsp` both show these.
 */
export function hoverLines(
  ts: typeof TS,
  program: TS.Program,
  sourceFile: TS.SourceFile,
  position: number,
  findings: readonly Finding[],
): { lines: string[]; span: TS.TextSpan } | undefined {
  const lines: string[] = [];
  let span: TS.TextSpan | undefined;
  const token = innermostAt(ts, sourceFile, position);
  let node: TS.Node | undefined = token;
  for (
    let level = 0;
    node !== undefined && level <= CLIMB && !ts.isStatement(node) && !ts.isSourceFile(node);
    level++, node = node.parent
  ) {
    const explanation = explainNode(ts, program.getTypeChecker(), node, sourceFile, program);
    if (explanation !== undefined) {
      lines.push(describe(ts, node, sourceFile, explanation));
      span = { start: node.getStart(sourceFile), length: node.getEnd() - node.getStart(sourceFile) };
      break;
    }
  }
  for (const finding of findings) {
    if (finding.rule === 'no-stale-view' && finding.start <= position && position <= finding.end) {
      lines.push(`memsafe: stale — ${finding.message}`);
      span ??= { start: finding.start, length: finding.end - finding.start };
    }
  }
  return span === undefined ? undefined : { lines, span };
}

function describe(ts: typeof TS, node: TS.Node, sourceFile: TS.SourceFile, explanation: Explanation): string {
  if (explanation.invalidates !== undefined)
    return `memsafe: invalidates — this call ${explanation.invalidates}: views made before it may no longer be usable.`;
  const source = sourceOf(ts, node, sourceFile);
  const hazards = explanation.hazards.length > 0 ? ` ⚠ ${explanation.hazards.join(', ')}.` : '';
  if (explanation.hazards.includes('whole-backing-buffer') && ts.isPropertyAccessExpression(node)) {
    const owner = node.expression.getText(sourceFile);
    const pool = explanation.hazards.includes('pool-aliasing')
      ? `; a pooled Buffer sits at some offset inside Node's shared pool of ${bufferPoolSizeText(nodeRangeOf(sourceFile.fileName))}`
      : '';
    return `memsafe: \`${owner}.buffer\` is the whole backing store, not ${owner}'s bytes (it starts at ${owner}.byteOffset${pool}). ${explanation.note}`;
  }
  switch (explanation.result) {
    case 'view':
    case 'reinterpret':
      return `memsafe: ${explanation.result} — shares memory with ${source} (no copy).${hazards} ${explanation.note}`;
    case 'copy':
      return `memsafe: copy — ${explanation.bytes === undefined ? 'allocates new memory' : `allocates ${explanation.bytes} new bytes`}${source === 'its source' ? '' : `, independent of ${source}`}.${hazards} ${explanation.note}`;
    case 'move':
      return `memsafe: move — the bytes move out of ${source}, which is detached.${hazards} ${explanation.note}`;
    case 'detach':
      return `memsafe: detach — ${source} is detached.${hazards} ${explanation.note}`;
    case 'throws':
      return `memsafe: throws — converts nothing; ${source} is untouched.${hazards} ${explanation.note}`;
  }
}

/** The value a conversion reads from: the receiver of a method or property, or the first argument. */
function sourceOf(ts: typeof TS, node: TS.Node, sourceFile: TS.SourceFile): string {
  let expression: TS.Expression | undefined;
  if (ts.isPropertyAccessExpression(node)) expression = node.expression;
  else if (ts.isCallExpression(node) && ts.isPropertyAccessExpression(node.expression))
    expression = node.expression.expression;
  else if ((ts.isCallExpression(node) || ts.isNewExpression(node)) && node.arguments?.[0] !== undefined)
    expression = node.arguments[0];
  else if (ts.isSpreadElement(node)) expression = node.expression;
  const text = expression?.getText(sourceFile);
  return text === undefined || text.length > 40 ? 'its source' : `\`${text}\``;
}

/** The smallest node that contains `position`. */
function innermostAt(ts: typeof TS, sourceFile: TS.SourceFile, position: number): TS.Node | undefined {
  let current: TS.Node = sourceFile;
  for (;;) {
    let next: TS.Node | undefined;
    ts.forEachChild(current, child => {
      if (next === undefined && child.getStart(sourceFile) <= position && position < child.getEnd()) next = child;
    });
    if (next === undefined) return current === sourceFile ? undefined : current;
    current = next;
  }
}
