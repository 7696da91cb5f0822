import type TS from 'typescript';
import { defineCheck, NO_OPTIONS, type CheckContext } from '../check.js';
import { conversionAt } from '../conversions/lookup.js';
import { WritesOracle, type WritingUse } from '../summaries/writes.js';
import { typeOf } from '../types/classify.js';
import { OwnershipOracle } from '../types/ownership.js';
import { calleeDeclaration, classOfThis, functionOf, whereIs } from '../util/functions.js';
import { callsNamed, functionName } from '../util/name-index.js';
import { abbreviate, isStableReference, nodesOfKinds, outerParent, skipOuter, walk } from '../util/syntax.js';

const messages = {
  bufferSliceRelied:
    '`Buffer#slice` returns a view of `{{name}}`, not a copy, but this code {{reliance}}. Copy explicitly.',
  ambiguousSlice:
    '`{{name}}` may be a Node Buffer, whose `slice()` is a view, not a copy, but this code {{reliance}}. Copy explicitly.',
  copyExplicitly: 'Copy explicitly: `{{copy}}`.',
};

type MessageId = keyof typeof messages;
type Context = CheckContext<MessageId, Record<string, never>>;

export const noAmbiguousSlice = defineCheck<MessageId, Record<string, never>>({
  id: 'no-ambiguous-slice',
  code: 91004,
  description: 'Disallow relying on `slice()` to copy where the value may be a Node Buffer, whose `slice()` is a view',
  type: 'problem',
  preset: 'recommended',
  hasSuggestions: true,
  messages,
  ...NO_OPTIONS,
  mayApply: text => text.includes('.slice('),
  check(context) {
    const { ts, checker, sourceFile, cache } = context;
    const ownership = new OwnershipOracle(ts, checker, context.program, cache);
    const writes = new WritesOracle(ts, checker, cache);
    for (const node of nodesOfKinds(ts, sourceFile, [ts.SyntaxKind.CallExpression]) as readonly TS.CallExpression[]) {
      if (!ts.isPropertyAccessExpression(node.expression) || node.expression.name.text !== 'slice') continue;
      const receiver = node.expression.expression;
      // The conversion table knows both slices: Buffer's (a view) and typed arrays' (a copy whose
      // independence depends on the class).
      const row = conversionAt(ts, checker, node);
      if (row === undefined || !row.hazards.includes('class-dependent')) continue;
      const isView = row.result === 'view';
      if (
        !isView &&
        (typeOf(ts, checker, receiver).getSymbol()?.getName() !== 'Uint8Array' || !ownership.mayBeNodeBuffer(receiver))
      )
        continue;
      const reliance = relianceOnCopy(context, writes, node, receiver, isView);
      if (reliance === undefined) continue;
      const name = receiver.getText(sourceFile);
      const args = node.arguments.map(arg => arg.getText(sourceFile)).join(', ');
      const copy = isView ? `Buffer.from(${name}.subarray(${args}))` : `new Uint8Array(${name}.subarray(${args}))`;
      context.report({
        node,
        messageId: isView ? 'bufferSliceRelied' : 'ambiguousSlice',
        data: { name, reliance },
        ...(isStableReference(ts, skipOuter(ts, receiver))
          ? {
              suggest: [
                {
                  messageId: 'copyExplicitly',
                  data: { copy },
                  edits: [{ start: node.getStart(sourceFile), end: node.getEnd(), newText: copy }],
                },
              ],
            }
          : {}),
      });
    }
  },
});

/**
 * How the code relies on the result of `source.slice(…)` being independent: it writes to the
 * result (or hands it to code that does), or writes to the source and reads the result afterwards,
 * or — for a Buffer, whose slice is a view — keeps the result (returns or stores it) while its class
 * writes the source again. `undefined` when it does none of these.
 */
function relianceOnCopy(
  context: Context,
  writes: WritesOracle,
  slice: TS.CallExpression,
  source: TS.Expression,
  isView: boolean,
): string | undefined {
  const { ts, checker, sourceFile } = context;
  // `key.slice().fill(0)` as a statement drops what it wrote: that code wants a view, and
  // no-lost-write says so. Written and kept (`new Bits(data.slice())`) relies on a copy.
  const direct = writes.writingUse(slice);
  if (direct !== undefined && !ts.isExpressionStatement(direct.node.parent))
    return `${describeWrite(ts, direct, sourceFile)} the result`;
  const { parent, child } = outerParent(ts, slice);
  const sourceNode = skipOuter(ts, source);
  if (
    isView &&
    escapes(ts, parent, child) &&
    ts.isPropertyAccessExpression(sourceNode) &&
    sourceNode.expression.kind === ts.SyntaxKind.ThisKeyword
  ) {
    const owner = classOfThis(ts, sourceNode);
    if (
      owner !== undefined &&
      writes.writesField(owner, sourceNode.name.text) &&
      !replacedAfter(ts, slice, owner, sourceNode.name.text)
    ) {
      return `keeps it while \`${sourceNode.getText(sourceFile)}\` is written again`;
    }
  }
  if (isView && ts.isIdentifier(sourceNode) && keptBeyondCall(ts, checker, slice)) {
    const reused = reusedByCaller(context, writes, sourceNode);
    if (reused !== undefined) return `keeps it while ${reused}`;
  }
  if (!ts.isVariableDeclaration(parent) || !ts.isIdentifier(parent.name)) return undefined;
  const copyName = parent.name.text;
  const copy = checker.getSymbolAtLocation(parent.name);
  const sourceSymbol = ts.isIdentifier(sourceNode) ? checker.getSymbolAtLocation(sourceNode) : undefined;
  const scope = ts.findAncestor(parent, node => ts.isBlock(node) || ts.isSourceFile(node));
  if (copy === undefined || scope === undefined) return undefined;
  let sourceWritten = false;
  let reliance: string | undefined;
  walk(ts, scope, node => {
    if (reliance !== undefined || node.pos < slice.end || !ts.isIdentifier(node)) return;
    const symbol =
      node.text === copyName || (ts.isIdentifier(sourceNode) && node.text === sourceNode.text)
        ? checker.getSymbolAtLocation(node)
        : undefined;
    if (symbol === undefined) return;
    const write = writes.writingUse(node);
    if (symbol === copy && write !== undefined)
      reliance = `${describeWrite(ts, write, sourceFile)} the result \`${node.text}\``;
    else if (symbol === copy && sourceWritten)
      reliance = `reads \`${node.text}\` after writing to \`${sourceNode.getText(sourceFile)}\``;
    else if (
      symbol === copy &&
      isView &&
      escapes(ts, outerParent(ts, node).parent, outerParent(ts, node).child) &&
      ts.isPropertyAccessExpression(sourceNode)
    ) {
      const owner = sourceNode.expression.kind === ts.SyntaxKind.ThisKeyword ? classOfThis(ts, sourceNode) : undefined;
      if (
        owner !== undefined &&
        writes.writesField(owner, sourceNode.name.text) &&
        !replacedAfter(ts, slice, owner, sourceNode.name.text)
      ) {
        reliance = `keeps \`${node.text}\` while \`${sourceNode.getText(sourceFile)}\` is written again`;
      }
    } else if (symbol === sourceSymbol && write !== undefined) sourceWritten = true;
  });
  return reliance;
}

/**
 * Whether what `slice` makes outlives the call it is made in: it escapes (returned, stored in a
 * member or an element, put in a literal), or goes into `new C(…)` whose constructor keeps that
 * parameter (`constructor(readonly bytes: Buffer)`) and the object escapes.
 */
function keptBeyondCall(ts: typeof TS, checker: TS.TypeChecker, value: TS.Expression): boolean {
  const { parent, child } = outerParent(ts, value);
  if (escapes(ts, parent, child)) return true;
  if (!ts.isNewExpression(parent) || parent.arguments === undefined) return false;
  const index = parent.arguments.indexOf(child as TS.Expression);
  const declaration = checker.getSymbolAtLocation(parent.expression)?.valueDeclaration;
  const constructor =
    declaration !== undefined && ts.isClassLike(declaration)
      ? declaration.members.find(ts.isConstructorDeclaration)
      : undefined;
  const parameter = constructor?.parameters[index];
  if (parameter === undefined || !ts.isIdentifier(parameter.name)) return false;
  const name = parameter.name.text;
  const kept =
    ts.isParameterPropertyDeclaration(parameter, constructor!) ||
    (constructor!.body?.statements.some(statement => {
      const expression = ts.isExpressionStatement(statement) ? skipOuter(ts, statement.expression) : undefined;
      return (
        expression !== undefined &&
        ts.isBinaryExpression(expression) &&
        expression.operatorToken.kind === ts.SyntaxKind.EqualsToken &&
        ts.isPropertyAccessExpression(expression.left) &&
        expression.left.expression.kind === ts.SyntaxKind.ThisKeyword &&
        ts.isIdentifier(skipOuter(ts, expression.right)) &&
        (skipOuter(ts, expression.right) as TS.Identifier).text === name
      );
    }) ??
      false);
  return kept && keptBeyondCall(ts, checker, parent);
}

/**
 * For a slice of parameter `source`: a caller in the program that passes a field of its class
 * which that class writes again (a receive buffer reused for the next message), in words.
 */
function reusedByCaller(context: Context, writes: WritesOracle, source: TS.Identifier): string | undefined {
  const { ts, checker, program, sourceFile } = context;
  const declaration = checker.getSymbolAtLocation(source)?.valueDeclaration;
  if (declaration === undefined || !ts.isParameter(declaration)) return undefined;
  const fn = declaration.parent;
  const index = fn.parameters.indexOf(declaration);
  const name = functionName(ts, fn) ?? functionName(ts, fn.parent);
  if (name === undefined) return undefined;
  for (const call of callsNamed(ts, program, name)) {
    const argument = call.arguments?.[index] === undefined ? undefined : skipOuter(ts, call.arguments[index]);
    if (
      !ts.isCallExpression(call) ||
      argument === undefined ||
      !ts.isPropertyAccessExpression(argument) ||
      argument.expression.kind !== ts.SyntaxKind.ThisKeyword
    )
      continue;
    if (functionOf(ts, calleeDeclaration(ts, checker, call)) !== fn) continue;
    const owner = classOfThis(ts, argument);
    const field = argument.name.text;
    if (owner === undefined || !writes.writesField(owner, field) || assignedAfterInBlock(ts, call, field)) continue;
    return `\`${argument.getText()}\` (passed for \`${source.text}\` on ${whereIs(call, sourceFile)}) is written again`;
  }
  return undefined;
}

/** "writes to", or "passes to `f(…)`, which writes to": how a writing use reaches the bytes. */
function describeWrite(ts: typeof TS, write: WritingUse, sourceFile: TS.SourceFile): string {
  const call = write.node;
  if (write.through === 'self' || !(ts.isCallExpression(call) || ts.isNewExpression(call))) return 'writes to';
  return `passes to \`${ts.isNewExpression(call) ? 'new ' : ''}${abbreviate(call.expression.getText(sourceFile), 30)}(…)\`, which writes to`;
}

/** `return x`, `this.f = x`, `{ x }`, `list.push(x)`: the value outlives the statement that made it. */
/**
 * Whether the field a slice was taken from is given a new buffer once the slice is handed out, so
 * that later writes go to the new one: `const out = this.join(); this.buffer = Buffer.allocUnsafe(n)`.
 * The assignment must follow the statement that slices (or calls the private method that returns
 * the slice, at every such call in the class) in the same block, so that it runs on every path.
 */
function replacedAfter(
  ts: typeof TS,
  slice: TS.CallExpression,
  owner: TS.ClassLikeDeclaration,
  field: string,
): boolean {
  if (assignedAfterInBlock(ts, slice, field)) return true;
  const method = ts.findAncestor(slice.parent, n => ts.isFunctionLike(n));
  const returned = ts.isReturnStatement(outerParent(ts, slice).parent);
  const name =
    method !== undefined &&
    ts.isMethodDeclaration(method) &&
    (ts.isPrivateIdentifier(method.name) || ts.getCombinedModifierFlags(method) & ts.ModifierFlags.Private)
      ? method.name.getText()
      : undefined;
  if (!returned || name === undefined) return false;
  const calls: TS.CallExpression[] = [];
  walk(ts, owner, node => {
    if (
      ts.isCallExpression(node) &&
      ts.isPropertyAccessExpression(node.expression) &&
      node.expression.expression.kind === ts.SyntaxKind.ThisKeyword &&
      node.expression.name.getText() === name
    )
      calls.push(node);
  });
  return calls.length > 0 && calls.every(call => assignedAfterInBlock(ts, call, field));
}

/** Whether a later statement of the block holding `node`'s statement is `this.field = …`. */
function assignedAfterInBlock(ts: typeof TS, node: TS.Node, field: string): boolean {
  const statement = ts.findAncestor(
    node,
    n => ts.isStatement(n) && (ts.isBlock(n.parent) || ts.isSourceFile(n.parent)),
  );
  if (statement === undefined) return false;
  const siblings = (statement.parent as TS.Block).statements;
  return siblings.slice(siblings.indexOf(statement as TS.Statement) + 1).some(later => {
    if (!ts.isExpressionStatement(later)) return false;
    const expression = skipOuter(ts, later.expression);
    if (!ts.isBinaryExpression(expression) || expression.operatorToken.kind !== ts.SyntaxKind.EqualsToken) return false;
    const target = skipOuter(ts, expression.left);
    // `this.buffer = this.buffer.subarray(…)` keeps the old bytes.
    const fresh = !expression.right.getText().includes(`this.${field}`);
    return (
      fresh &&
      ts.isPropertyAccessExpression(target) &&
      target.expression.kind === ts.SyntaxKind.ThisKeyword &&
      target.name.text === field
    );
  });
}

function escapes(ts: typeof TS, parent: TS.Node, child: TS.Node): boolean {
  if (ts.isReturnStatement(parent) || (ts.isArrowFunction(parent) && parent.body === child)) return true;
  if (
    ts.isBinaryExpression(parent) &&
    parent.right === child &&
    parent.operatorToken.kind === ts.SyntaxKind.EqualsToken
  )
    return !ts.isIdentifier(skipOuter(ts, parent.left));
  return (
    ts.isPropertyAssignment(parent) || ts.isShorthandPropertyAssignment(parent) || ts.isArrayLiteralExpression(parent)
  );
}
