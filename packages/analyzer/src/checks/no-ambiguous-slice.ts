import type TS from 'typescript';
import { defineCheck, NO_OPTIONS, type CheckContext } from '../check.js';
import { conversionAt } from '../conversions/lookup.js';
import { typeOf } from '../types/classify.js';
import { isStableReference, outerParent, skipOuter, walk } from '../util/syntax.js';

/** The methods of Uint8Array that write its bytes (the value is typed Uint8Array, not Buffer). */
const MUTATING_METHODS: ReadonlySet<string> = new Set(['set', 'fill', 'reverse', 'sort', 'copyWithin']);

const messages = {
  bufferSlice:
    '`Buffer#slice` is deprecated and returns a view that shares memory with `{{name}}`, unlike `Uint8Array#slice`, which copies. Use `subarray()`, which says so.',
  ambiguousSlice:
    '`{{name}}` is typed Uint8Array, but a Node Buffer is one too, and `Buffer#slice` returns a view: this code {{reliance}}, which only works if `slice()` copies. Copy explicitly.',
  useSubarray: 'Use `subarray()` (the same view, not deprecated).',
  copyExplicitly: 'Copy explicitly: `new Uint8Array({{name}}.subarray({{args}}))`.',
};

type MessageId = keyof typeof messages;

export const noAmbiguousSlice = defineCheck<MessageId, Record<string, never>>({
  id: 'no-ambiguous-slice',
  code: 91004,
  description: 'Disallow `slice()` whose copy-or-view behaviour depends on whether a Uint8Array is a Node Buffer',
  type: 'problem',
  preset: 'recommended',
  fixable: 'code',
  hasSuggestions: true,
  messages,
  ...NO_OPTIONS,
  mayApply: text => text.includes('.slice('),
  check(context) {
    const { ts, checker, sourceFile } = context;
    walk(ts, sourceFile, node => {
      if (!ts.isCallExpression(node) || !ts.isPropertyAccessExpression(node.expression) || node.expression.name.text !== 'slice') return;
      const receiver = node.expression.expression;
      // The conversion table knows both slices: Buffer's (a deprecated view) and typed arrays' (a
      // copy whose independence depends on the class).
      const row = conversionAt(ts, checker, node);
      if (row === undefined || !row.hazards.includes('class-dependent')) return;
      const name = receiver.getText(sourceFile);
      if (row.result === 'view') {
        // Buffer#slice and Buffer#subarray are the same function: the rename preserves behaviour.
        const edit = { start: node.expression.name.getStart(sourceFile), end: node.expression.name.getEnd(), newText: 'subarray' };
        context.report({ node, messageId: 'bufferSlice', data: { name }, fix: [edit], suggest: [{ messageId: 'useSubarray', edits: [edit] }] });
        return;
      }
      if (typeOf(ts, checker, receiver).getSymbol()?.getName() !== 'Uint8Array') return;
      const reliance = relianceOnCopy(context, node, receiver);
      if (reliance === undefined) return;
      const args = node.arguments.map(arg => arg.getText(sourceFile)).join(', ');
      context.report({
        node,
        messageId: 'ambiguousSlice',
        data: { name, reliance },
        ...(isStableReference(ts, skipOuter(ts, receiver))
          ? { suggest: [{ messageId: 'copyExplicitly', data: { name, args }, edits: [{ start: node.getStart(sourceFile), end: node.getEnd(), newText: `new Uint8Array(${name}.subarray(${args}))` }] }] }
          : {}),
      });
    });
  },
});

/**
 * How the code relies on `const copy = source.slice(…)` being independent: it writes to the copy,
 * or it writes to the source and reads the copy afterwards. `undefined` when it does neither.
 */
function relianceOnCopy(context: CheckContext<MessageId, Record<string, never>>, slice: TS.CallExpression, source: TS.Expression): string | undefined {
  const { ts, checker, sourceFile } = context;
  const { parent } = outerParent(ts, slice);
  if (!ts.isVariableDeclaration(parent) || !ts.isIdentifier(parent.name)) return undefined;
  const copyName = parent.name.text;
  const copy = checker.getSymbolAtLocation(parent.name);
  const sourceNode = skipOuter(ts, source);
  const sourceSymbol = ts.isIdentifier(sourceNode) ? checker.getSymbolAtLocation(sourceNode) : undefined;
  const scope = ts.findAncestor(parent, node => ts.isBlock(node) || ts.isSourceFile(node));
  if (copy === undefined || scope === undefined) return undefined;
  let sourceWritten = false;
  let reliance: string | undefined;
  walk(ts, scope, node => {
    if (reliance !== undefined || node.pos < slice.end || !ts.isIdentifier(node)) return;
    const symbol = node.text === copyName || (ts.isIdentifier(sourceNode) && node.text === sourceNode.text) ? checker.getSymbolAtLocation(node) : undefined;
    if (symbol === undefined) return;
    const written = isWrittenThrough(ts, node);
    if (symbol === copy && written) reliance = `writes to the result \`${node.text}\``;
    else if (symbol === copy && sourceWritten) reliance = `reads \`${node.text}\` after writing to \`${sourceNode.getText(sourceFile)}\``;
    else if (symbol === sourceSymbol && written) sourceWritten = true;
  });
  return reliance;
}

/** `x[i] = v`, `x[i] += v`, `x.set(…)`, `x.fill(…)`: the bytes of `x` change. */
function isWrittenThrough(ts: typeof TS, identifier: TS.Identifier): boolean {
  const parent = identifier.parent;
  if (ts.isElementAccessExpression(parent) && parent.expression === identifier) {
    const { parent: outer, child } = outerParent(ts, parent);
    if (ts.isBinaryExpression(outer) && outer.left === child) {
      const operator = outer.operatorToken.kind;
      return operator === ts.SyntaxKind.EqualsToken || (operator >= ts.SyntaxKind.FirstCompoundAssignment && operator <= ts.SyntaxKind.LastCompoundAssignment);
    }
    return (ts.isPrefixUnaryExpression(outer) || ts.isPostfixUnaryExpression(outer)) && (outer.operator === ts.SyntaxKind.PlusPlusToken || outer.operator === ts.SyntaxKind.MinusMinusToken);
  }
  if (ts.isPropertyAccessExpression(parent) && parent.expression === identifier && MUTATING_METHODS.has(parent.name.text)) {
    return ts.isCallExpression(parent.parent) && parent.parent.expression === parent;
  }
  return false;
}
