import type TS from 'typescript';
import { defineCheck, NO_OPTIONS, type TextEdit } from '../check.js';
import { conversionAt } from '../conversions/lookup.js';
import { ELEMENT_SIZES, TYPED_ARRAY_NAMES } from '../types/classify.js';
import { ownsWholeBuffer } from '../types/owns-buffer.js';
import { dottedName, isStableReference, outerParent, walk } from '../util/syntax.js';

type Use = 'construct' | 'wrap' | 'pass' | 'return' | 'send' | 'transfer';

export const noWholeBackingBuffer = defineCheck({
  id: 'no-whole-backing-buffer',
  code: 91003,
  description: "Disallow using a view's `.buffer` as if it held only the view's bytes",
  type: 'problem',
  preset: 'recommended',
  hasSuggestions: true,
  messages: {
    wholeBuffer:
      '`{{name}}.buffer` is the whole backing store, not the bytes of `{{name}}`: {{name}} may start at a byteOffset inside it{{pool}}. {{advice}}',
    addRange: 'View only the bytes of `{{name}}`: pass `{{name}}.byteOffset` and its length.',
    copyRange: 'Pass a copy of exactly the bytes of `{{name}}`.',
  },
  ...NO_OPTIONS,
  mayApply: text => text.includes('.buffer'),
  check(context) {
    const { ts, checker, sourceFile } = context;
    walk(ts, sourceFile, node => {
      if (!ts.isPropertyAccessExpression(node) || node.name.text !== 'buffer') return;
      const use = useOf(ts, node);
      if (use === undefined) return;
      // The conversion table says which `.buffer` reads are the whole backing store, and which of
      // those reach Node's pool.
      const row = conversionAt(ts, checker, node);
      if (row === undefined || !row.hazards.includes('whole-backing-buffer')) return;
      if (ownsWholeBuffer(ts, checker, node.expression)) return;
      const stable = isStableReference(ts, node.expression);
      const name = dottedName(ts, node.expression) ?? node.expression.getText(sourceFile);
      const edits = stable ? suggestion(ts, node, use.call, name, sourceFile) : undefined;
      context.report({
        node,
        messageId: 'wholeBuffer',
        data: {
          name,
          pool: row.hazards.includes('pool-aliasing') ? ', and a pooled Buffer shares it with every other Buffer in the 8 KiB pool' : '',
          advice: !stable
            ? // Advice that repeats an expression with effects (`(b = f()).byteOffset`) would run it again.
              'Keep the view in a variable, and pass its byteOffset and byteLength too.'
            : use.kind === 'construct' || use.kind === 'wrap'
              ? `Pass \`${name}.byteOffset\` and \`${name}.byteLength\` too.`
              : use.kind === 'transfer'
                ? `Transferring it detaches every byte in it: transfer a buffer that holds exactly these bytes (\`const own = ${name}.slice()\`, then \`own.buffer\`).`
                : `Pass \`${name}\` itself, or a copy of its bytes: \`${name}.buffer.slice(${name}.byteOffset, ${name}.byteOffset + ${name}.byteLength)\`.`,
        },
        // A copy in a transfer list is a buffer nothing else refers to: no edit can be suggested there.
        ...(edits === undefined || use.kind === 'transfer' ? {} : { suggest: [{ messageId: edits.messageId, data: { name }, edits: edits.edits }] }),
      });
    });
  },
});

/** How `x.buffer` is used, when that use treats it as the view's bytes; undefined for harmless reads. */
function useOf(ts: typeof TS, access: TS.PropertyAccessExpression): { kind: Use; call?: TS.CallExpression | TS.NewExpression } | undefined {
  const { parent, child } = outerParent(ts, access);
  if (ts.isNewExpression(parent) || ts.isCallExpression(parent)) {
    if (parent.expression === child) return undefined; // x.buffer(...) is not a use of the bytes
    const args: readonly TS.Expression[] = parent.arguments ?? [];
    const index = args.indexOf(child as TS.Expression);
    if (index < 0) return undefined;
    // Offset and length passed beside it: the caller already says which bytes.
    if (args.some(arg => mentionsRange(ts, arg))) return undefined;
    if (ts.isNewExpression(parent) && ts.isIdentifier(parent.expression)) {
      const callee = parent.expression.text;
      if (TYPED_ARRAY_NAMES.has(callee) || callee === 'DataView') return index === 0 ? { kind: 'construct', call: parent } : undefined;
    }
    if (ts.isCallExpression(parent) && isBufferFrom(ts, parent)) return index === 0 ? { kind: 'wrap', call: parent } : undefined;
    return { kind: 'pass' };
  }
  if (ts.isReturnStatement(parent) || (ts.isArrowFunction(parent) && parent.body === child)) return { kind: 'return' };
  if (ts.isArrayLiteralExpression(parent) && isTransferList(ts, parent)) return { kind: 'transfer' };
  if (ts.isPropertyAssignment(parent) && parent.initializer === child && ts.isObjectLiteralExpression(parent.parent)) {
    // `{ buffer: x.buffer, byteOffset: …, byteLength: … }` says which bytes, as call arguments can.
    return parent.parent.properties.some(property => property !== parent && mentionsRange(ts, property)) ? undefined : { kind: 'send' };
  }
  if (ts.isArrayLiteralExpression(parent) || ts.isShorthandPropertyAssignment(parent)) return { kind: 'send' };
  return undefined;
}

/** `[…]` as the transfer list of `postMessage(message, […])` or `{ transfer: […] }`. */
function isTransferList(ts: typeof TS, list: TS.ArrayLiteralExpression): boolean {
  const { parent, child } = outerParent(ts, list);
  if (ts.isPropertyAssignment(parent) && ts.isIdentifier(parent.name) && parent.name.text === 'transfer') return true;
  if (!ts.isCallExpression(parent) || parent.arguments.indexOf(child as TS.Expression) < 1) return false;
  const callee = parent.expression;
  return (ts.isPropertyAccessExpression(callee) ? callee.name.text : ts.isIdentifier(callee) ? callee.text : '') === 'postMessage';
}

function isBufferFrom(ts: typeof TS, call: TS.CallExpression): boolean {
  const callee = call.expression;
  return ts.isPropertyAccessExpression(callee) && callee.name.text === 'from' && ts.isIdentifier(callee.expression) && callee.expression.text === 'Buffer';
}

function mentionsRange(ts: typeof TS, node: TS.Node): boolean {
  const isRange = (child: TS.Node): boolean => ts.isPropertyAccessExpression(child) && (child.name.text === 'byteOffset' || child.name.text === 'byteLength');
  if (isRange(node)) return true;
  let found = false;
  walk(ts, node, child => {
    if (isRange(child)) found = true;
    return !found;
  });
  return found;
}

function suggestion(
  ts: typeof TS,
  access: TS.PropertyAccessExpression,
  call: TS.CallExpression | TS.NewExpression | undefined,
  name: string,
  sourceFile: TS.SourceFile,
): { messageId: 'addRange' | 'copyRange'; edits: TextEdit[] } | undefined {
  if (call === undefined) {
    return {
      messageId: 'copyRange',
      edits: [{ start: access.getStart(sourceFile), end: access.getEnd(), newText: `${name}.buffer.slice(${name}.byteOffset, ${name}.byteOffset + ${name}.byteLength)` }],
    };
  }
  const callee = ts.isIdentifier(call.expression) ? call.expression.text : 'Buffer';
  const size = ELEMENT_SIZES[callee];
  const length =
    callee === 'DataView' || callee === 'Buffer' || size === 1 ? `${name}.byteLength` : `${name}.byteLength / ${callee}.BYTES_PER_ELEMENT`;
  return { messageId: 'addRange', edits: [{ start: access.getEnd(), end: access.getEnd(), newText: `, ${name}.byteOffset, ${length}` }] };
}
