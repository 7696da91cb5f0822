import type TS from 'typescript';
import { defineCheck, NO_OPTIONS, type CheckContext } from '../../check.js';
import { copyRowAt, copySource, typedArrayClass, viewFormEdit } from '../../conversions/copies.js';
import { classifyNode } from '../../types/classify.js';
import { identifiersNamed } from '../../util/name-index.js';
import { lineOf } from '../../util/functions.js';
import { abbreviate, dottedName, outerParent, skipOuter, walk } from '../../util/syntax.js';
import { temporaryCopied } from './temporaries.js';

const messages = {
  unnecessaryCopy:
    '`{{copy}}` makes a copy that is only read, while `{{source}}` stays unchanged. Use `{{view}}`: the same bytes, no copy.',
  useView: 'Read through a view: `{{view}}`.',
  copyOfTemporary:
    '`{{copy}}` copies `{{source}}`, a new {{class}} (line {{line}}) used nowhere else. Use `{{source}}` itself.',
  useSource: 'Use `{{source}}` itself.',
};

/** Methods that only read their receiver (or, for `slice`/`map`, copy it again). */
const READING_METHODS: ReadonlySet<string> = new Set([
  'at',
  'indexOf',
  'lastIndexOf',
  'includes',
  'every',
  'some',
  'find',
  'findIndex',
  'findLast',
  'findLastIndex',
  'forEach',
  'join',
  'reduce',
  'reduceRight',
  'entries',
  'keys',
  'values',
  'toString',
  'toLocaleString',
  'slice',
  'map',
  'filter',
  'toReversed',
  'toSorted',
  'with',
  'equals',
  'compare',
]);
/** Calls that read their arguments and keep nothing: `decoder.decode(x)`, `target.set(x)`, `hash.update(x)`. */
const READING_CALLS: ReadonlySet<string> = new Set([
  'decode',
  'set',
  'update',
  'compare',
  'equals',
  'timingSafeEqual',
  'fromCharCode',
  'byteLength',
]);
/** Objects whose methods neither write binary data nor run other code that could. */
const PURE_OBJECTS: ReadonlySet<string> = new Set(['Math', 'console', 'Number', 'String', 'JSON']);
/** Properties that are the same on a copy and a view of the same elements (`byteOffset` and `buffer` are not). */
const SAME_ON_VIEW: ReadonlySet<string> = new Set(['length', 'byteLength', 'BYTES_PER_ELEMENT']);

export const noUnnecessaryCopy = defineCheck<keyof typeof messages, Record<string, never>>({
  id: 'no-unnecessary-copy',
  code: 91009,
  description: 'Disallow copying binary data that is only read while its source stays unchanged, where a view would do',
  type: 'suggestion',
  preset: 'strict',
  hasSuggestions: true,
  messages,
  ...NO_OPTIONS,
  mayApply: text => /\.slice\(|new \w+Array\(|\.from\(/.test(text),
  check(context) {
    const { ts, checker, sourceFile } = context;
    const reported = new Set<TS.Node>();
    walk(ts, sourceFile, node => {
      if (ts.isNewExpression(node) || ts.isCallExpression(node)) {
        const temporary = temporaryCopied(ts, checker, node);
        if (temporary !== undefined) {
          reported.add(node);
          const source = temporary.source.text;
          context.report({
            node,
            messageId: 'copyOfTemporary',
            data: {
              copy: abbreviate(node.getText(sourceFile), 60),
              source,
              class: typedArrayClass(ts, checker, node)!,
              line: String(lineOf(temporary.declaration)),
            },
            suggest: [
              {
                messageId: 'useSource',
                data: { source },
                edits: [{ start: node.getStart(sourceFile), end: node.getEnd(), newText: source }],
              },
            ],
          });
        }
      }
      if (!reported.has(node) && isCopyIntoStorage(ts, checker, node)) {
        const sourceName = copiedSourceName(ts, checker, node);
        if (sourceName !== undefined) reportCopy(context, node, sourceName);
        return;
      }
      if (!ts.isVariableDeclaration(node) || !ts.isIdentifier(node.name) || node.initializer === undefined) return;
      if (!(ts.getCombinedNodeFlags(node) & ts.NodeFlags.Const)) return;
      const copy = skipOuter(ts, node.initializer);
      if (!looksLikeCopy(ts, copy)) return;
      const body = ts.findAncestor(node, n => ts.isFunctionLike(n) || ts.isSourceFile(n));
      if (body === undefined) return;
      const lifetime = readOnlyLifetime(ts, checker, node.name, body);
      if (lifetime === undefined) return;
      const sourceName = copiedSourceName(ts, checker, copy);
      if (
        sourceName === undefined ||
        reported.has(copy) ||
        mayChange(ts, body, sourceName, node.name.text, { start: node.end, end: lifetime })
      )
        return;
      reportCopy(context, copy, sourceName);
    });
  },
});

type Context = CheckContext<keyof typeof messages, Record<string, never>>;

/** The name of what a copy copies, when the conversion table knows it for a copy and it is a plain name. */
function copiedSourceName(ts: typeof TS, checker: TS.TypeChecker, copy: TS.Expression): string | undefined {
  const row = copyRowAt(ts, checker, copy);
  const source = row === undefined ? undefined : copySource(ts, copy, row);
  return source === undefined ? undefined : dottedName(ts, source);
}

/** Reports a copy of `sourceName` that has a view form, with the view as the suggestion. */
function reportCopy(context: Context, copy: TS.Expression, sourceName: string): void {
  const { ts, checker, sourceFile } = context;
  const view = viewFormEdit(ts, checker, copy, sourceFile);
  if (view === undefined) return;
  context.report({
    node: copy,
    messageId: 'unnecessaryCopy',
    data: { copy: copy.getText(sourceFile), source: sourceName, view: view.text },
    suggest: [{ messageId: 'useView', data: { view: view.text }, edits: [view.edit] }],
  });
}

/**
 * `target.set(x.slice(…))` on a typed array: the copy is read once, at once, by code that runs
 * nothing else, and `set` copies overlapping and shared bytes correctly. (A copy handed straight to
 * `TextDecoder#decode` is left alone: decoders have refused views of shared memory, which is why
 * glue copies first.)
 */
function isCopyIntoStorage(ts: typeof TS, checker: TS.TypeChecker, node: TS.Node): node is TS.Expression {
  if (!ts.isCallExpression(node) && !ts.isNewExpression(node)) return false;
  if (!looksLikeCopy(ts, node)) return false;
  const { parent, child } = outerParent(ts, node);
  if (!ts.isCallExpression(parent) || parent.arguments[0] !== child) return false;
  const callee = skipOuter(ts, parent.expression);
  if (!ts.isPropertyAccessExpression(callee) || callee.name.text !== 'set') return false;
  const receiver = classifyNode(ts, checker, callee.expression);
  return receiver === 'TypedArray' || receiver === 'Buffer';
}

/** `x.slice(…)`, `new T(x)`, `T.from(x)`, `Buffer.from(x)`: the shapes that have a view form. */
function looksLikeCopy(ts: typeof TS, node: TS.Expression): boolean {
  if (ts.isNewExpression(node))
    return node.arguments?.length === 1 && ts.isIdentifier(node.expression) && node.expression.text.endsWith('Array');
  if (!ts.isCallExpression(node) || !ts.isPropertyAccessExpression(node.expression)) return false;
  const name = node.expression.name.text;
  return name === 'slice' || (name === 'from' && node.arguments.length === 1);
}

/**
 * Where the copy's last use ends, when every use only reads it in the function that made it;
 * undefined when a use writes, stores, returns, captures or passes it on. A use inside a loop
 * that the declaration is outside of keeps the copy alive for the whole loop.
 */
function readOnlyLifetime(
  ts: typeof TS,
  checker: TS.TypeChecker,
  name: TS.Identifier,
  body: TS.Node,
): number | undefined {
  const symbol = checker.getSymbolAtLocation(name);
  let end: number | undefined;
  for (const node of identifiersNamed(ts, body.getSourceFile(), name.text, body)) {
    if (node === name || checker.getSymbolAtLocation(node) !== symbol) continue;
    const owner = ts.findAncestor(node.parent, n => ts.isFunctionLike(n) || ts.isSourceFile(n));
    if (owner !== body || !isRead(ts, node)) return undefined;
    let last: TS.Node = node;
    for (let n: TS.Node = node; n !== body; n = n.parent)
      if (ts.isIterationStatement(n, false) && !(name.pos >= n.pos && name.end <= n.end)) last = n;
    end = Math.max(end ?? 0, last.end);
  }
  return end;
}

/** A method that only reads its receiver: one of {@link READING_METHODS}, or a Buffer `read*`. */
function isReadingMethod(name: string): boolean {
  return READING_METHODS.has(name) || name.startsWith('read');
}

/** Whether this use of the copy only reads it, in a way a view reads the same. */
function isRead(ts: typeof TS, use: TS.Identifier): boolean {
  const { parent, child } = outerParent(ts, use);
  if (ts.isElementAccessExpression(parent) && parent.expression === child) return !isWritten(ts, parent);
  if (ts.isPropertyAccessExpression(parent) && parent.expression === child) {
    const method = parent.name.text;
    if (ts.isCallExpression(parent.parent) && parent.parent.expression === parent) return isReadingMethod(method);
    return SAME_ON_VIEW.has(method) && !isWritten(ts, parent);
  }
  if (ts.isForOfStatement(parent) && parent.expression === child) return true;
  if (ts.isSpreadElement(parent))
    return ts.isArrayLiteralExpression(parent.parent) || ts.isCallExpression(parent.parent);
  if (ts.isCallExpression(parent) && parent.arguments.includes(child as TS.Expression))
    return isReadingCall(ts, parent);
  return false;
}

/** The target of an assignment, `++`/`--` or `delete`. */
function isWritten(ts: typeof TS, node: TS.Expression): boolean {
  const { parent, child } = outerParent(ts, node);
  if (ts.isBinaryExpression(parent))
    return (
      parent.left === child &&
      parent.operatorToken.kind >= ts.SyntaxKind.FirstAssignment &&
      parent.operatorToken.kind <= ts.SyntaxKind.LastAssignment
    );
  return ts.isPrefixUnaryExpression(parent) || ts.isPostfixUnaryExpression(parent) || ts.isDeleteExpression(parent);
}

function isReadingCall(ts: typeof TS, call: TS.CallExpression): boolean {
  const callee = skipOuter(ts, call.expression);
  if (!ts.isPropertyAccessExpression(callee)) return false;
  const owner = skipOuter(ts, callee.expression);
  return READING_CALLS.has(callee.name.text) || (ts.isIdentifier(owner) && PURE_OBJECTS.has(owner.text));
}

/**
 * Whether `source` may change between the copy and its last use: it is written, passed to a call
 * that could write it, or the span holds an `await`/`yield` or a call that could run other code
 * (a wasm export that grows memory would detach a view, not a copy).
 */
function mayChange(
  ts: typeof TS,
  body: TS.Node,
  source: string,
  copy: string,
  span: { start: number; end: number },
): boolean {
  let changes = false;
  walk(ts, body, node => {
    if (changes || node.end <= span.start || node.pos >= span.end) return false;
    if (ts.isAwaitExpression(node) || ts.isYieldExpression(node)) changes = true;
    else if (ts.isCallExpression(node) || ts.isNewExpression(node)) changes = !isHarmlessCall(ts, node, source, copy);
    else if (
      (ts.isElementAccessExpression(node) || ts.isPropertyAccessExpression(node)) &&
      dottedName(ts, node.expression) === source
    )
      changes = isWritten(ts, node);
    return !changes;
  });
  return changes;
}

/**
 * A call that cannot write the source or run code that does: a reading method of the copy or the
 * source, a `TextDecoder`/`TextEncoder`, or a {@link isReadingCall reading call}.
 */
function isHarmlessCall(
  ts: typeof TS,
  call: TS.CallExpression | TS.NewExpression,
  source: string,
  copy: string,
): boolean {
  const callee = skipOuter(ts, call.expression);
  if (ts.isNewExpression(call))
    return ts.isIdentifier(callee) && (callee.text === 'TextDecoder' || callee.text === 'TextEncoder');
  if (!ts.isPropertyAccessExpression(callee)) return false;
  const owner = dottedName(ts, callee.expression);
  if (owner === copy || owner === source) return isReadingMethod(callee.name.text);
  return isReadingCall(ts, call);
}
