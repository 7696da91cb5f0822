import type TS from 'typescript';
import { defineCheck, NO_OPTIONS } from '../check.js';
import { copyRowAt, copySource, viewFormEdit } from '../conversions/copies.js';
import { WritesOracle } from '../summaries/writes.js';
import { classifyNode } from '../types/classify.js';
import { identifiersNamed, referencesIn } from '../util/name-index.js';
import { nodesOfKinds, outerParent, skipOuter } from '../util/syntax.js';

/** Methods that write a typed array's bytes. */
const WRITES: ReadonlySet<string> = new Set(['fill', 'set', 'reverse', 'sort', 'copyWithin']);

const messages = {
  lostWrite:
    '`{{what}}` writes into a copy that is then dropped; `{{source}}` is unchanged. Write through a view of `{{source}}` if that was meant.',
  writeThroughView: 'Write through a view: `{{view}}`.',
};

export const noLostWrite = defineCheck<keyof typeof messages, Record<string, never>>({
  id: 'no-lost-write',
  code: 91007,
  description: 'Disallow writing into a fresh copy that is then dropped, where a view was meant',
  type: 'problem',
  preset: 'recommended',
  hasSuggestions: true,
  messages,
  ...NO_OPTIONS,
  mayApply: text => /\.(?:fill|set|reverse|sort|copyWithin)\(|\]\s*=[^=]|\.slice\(|\bnew [A-Z]\w*Array\(/.test(text),
  check(context) {
    const { ts, checker, sourceFile } = context;
    const report = (node: TS.Node, copy: TS.Expression, what: string) => {
      const row = copyRowAt(ts, checker, copy);
      const source = row === undefined ? undefined : copySource(ts, copy, row);
      const view = viewFormEdit(ts, checker, copy, sourceFile);
      context.report({
        node,
        messageId: 'lostWrite',
        data: { what, source: source?.getText(sourceFile) ?? 'the source' },
        ...(view === undefined
          ? {}
          : { suggest: [{ messageId: 'writeThroughView', data: { view: view.text }, edits: [view.edit] }] }),
      });
    };
    const writes = new WritesOracle(ts, checker, context.cache);
    for (const node of nodesOfKinds(ts, sourceFile, [
      ts.SyntaxKind.ExpressionStatement,
      ts.SyntaxKind.VariableDeclaration,
    ])) {
      // `key.slice().fill(0);` — written and dropped in one statement.
      if (
        ts.isExpressionStatement(node) &&
        ts.isCallExpression(node.expression) &&
        ts.isPropertyAccessExpression(node.expression.expression)
      ) {
        const call = node.expression;
        const access = call.expression as TS.PropertyAccessExpression;
        const receiver = skipOuter(ts, access.expression);
        if (WRITES.has(access.name.text) && isFreshCopy(ts, checker, receiver)) {
          report(call, receiver, call.getText(sourceFile));
          continue;
        }
      }
      // `crypto.getRandomValues(bytes.slice(a, b));` — a copy handed to code that writes it, then dropped.
      if (ts.isExpressionStatement(node) && ts.isCallExpression(node.expression)) {
        const call = node.expression;
        call.arguments.forEach((argument, index) => {
          const copy = skipOuter(ts, argument);
          if (isFreshCopy(ts, checker, copy) && writes.writesArgument(call, index))
            report(call, copy, call.getText(sourceFile));
        });
        continue;
      }
      // `const c = key.slice(); c.fill(0);` with `c` never read.
      if (ts.isVariableDeclaration(node) && ts.isIdentifier(node.name) && node.initializer !== undefined) {
        const copy = skipOuter(ts, node.initializer);
        // Only a variable written somewhere can lose a write: most are never, and are let go on
        // syntax alone, with no question to the type checker (a use is one of these identifiers).
        const scope = scopeOf(ts, node.name, sourceFile);
        if (!identifiersNamed(ts, sourceFile, node.name.text, scope).some(other => writeAt(ts, other) !== undefined))
          continue;
        if (!isFreshCopy(ts, checker, copy)) continue;
        const uses = usesOf(ts, checker, node.name, sourceFile);
        const firstWrite = uses.find(use => use.write);
        if (firstWrite !== undefined && uses.every(use => use.write))
          report(firstWrite.node, copy, firstWrite.node.getText(sourceFile));
      }
    }
  },
});

/** A typed array the conversion table says is a new copy (`slice`, `new T(ta)`, `Buffer.from(buf)`). */
function isFreshCopy(ts: typeof TS, checker: TS.TypeChecker, node: TS.Expression): boolean {
  if (!ts.isCallExpression(node) && !ts.isNewExpression(node)) return false;
  if (copyRowAt(ts, checker, node) === undefined) return false;
  // A value typed Buffer takes the Buffer#slice row (a view) and never reaches here; one typed
  // Uint8Array loses the write whenever it is not a Buffer, which is the bug either way.
  const kind = classifyNode(ts, checker, node);
  return kind === 'TypedArray' || kind === 'Buffer' || kind === 'BigIntTypedArray';
}

/** Where the uses of the variable `name` declares can be: its block, or the file. */
function scopeOf(ts: typeof TS, name: TS.Identifier, sourceFile: TS.SourceFile): TS.Node {
  return ts.findAncestor(name, n => ts.isBlock(n) || ts.isSourceFile(n)) ?? sourceFile;
}

/** Every use of a variable in its scope, and whether it only writes into it. */
function usesOf(
  ts: typeof TS,
  checker: TS.TypeChecker,
  name: TS.Identifier,
  sourceFile: TS.SourceFile,
): { node: TS.Node; write: boolean }[] {
  return referencesIn(ts, checker, name, scopeOf(ts, name, sourceFile)).map(node => {
    const write = writeAt(ts, node);
    return write === undefined ? { node, write: false } : { node: write, write: true };
  });
}

/**
 * The statement that writes into the bytes `reference` names without reading them
 * (`c.fill(0);`, `c[i] = x`), or `undefined` where it is read.
 */
function writeAt(ts: typeof TS, reference: TS.Node): TS.Node | undefined {
  const { parent, child } = outerParent(ts, reference);
  if (
    ts.isPropertyAccessExpression(parent) &&
    WRITES.has(parent.name.text) &&
    ts.isCallExpression(parent.parent) &&
    parent.parent.expression === parent &&
    ts.isExpressionStatement(parent.parent.parent)
  )
    return parent.parent;
  if (
    ts.isElementAccessExpression(parent) &&
    parent.expression === child &&
    ts.isBinaryExpression(parent.parent) &&
    parent.parent.left === parent &&
    parent.parent.operatorToken.kind === ts.SyntaxKind.EqualsToken
  )
    return parent.parent;
  return undefined;
}
