import type TS from 'typescript';
import { accessPath, outerParent, skipOuter, walk } from '../../util/syntax.js';

/** What a regrowing concat collects into: a variable of the function, or state that outlives the call. */
export interface RegrowingTarget {
  readonly target: string;
  /** `cache.content`, `this.buffer`: a property that keeps what was collected from one call to the next. */
  readonly outlivesCall: boolean;
}

/**
 * `acc = Buffer.concat([acc, chunk])`: the result replaces one of the list's own entries, named as
 * it is or through a variable of the function that was given it (`let old = cache.content ??
 * Buffer.alloc(0)`).
 */
export function regrowingTarget(
  ts: typeof TS,
  checker: TS.TypeChecker,
  call: TS.CallExpression,
): RegrowingTarget | undefined {
  const list = call.arguments[0] === undefined ? undefined : skipOuter(ts, call.arguments[0]);
  if (list === undefined || !ts.isArrayLiteralExpression(list)) return undefined;
  const { parent, child } = outerParent(ts, call);
  if (
    !ts.isBinaryExpression(parent) ||
    parent.right !== child ||
    parent.operatorToken.kind !== ts.SyntaxKind.EqualsToken
  )
    return undefined;
  const target = accessPath(ts, parent.left);
  if (
    target === undefined ||
    !list.elements.some(element => accessPath(ts, element) === target || givenFrom(ts, checker, element, target))
  )
    return undefined;
  const left = skipOuter(ts, parent.left);
  return { target, outlivesCall: ts.isPropertyAccessExpression(left) && !isLocalObject(ts, checker, left) };
}

/** A local variable whose initialiser reads `target`: `let old = cache.content ?? Buffer.alloc(0)`. */
function givenFrom(ts: typeof TS, checker: TS.TypeChecker, element: TS.Expression, target: string): boolean {
  const inner = skipOuter(ts, element);
  if (!ts.isIdentifier(inner)) return false;
  const declaration = checker.getSymbolAtLocation(inner)?.valueDeclaration;
  if (declaration === undefined || !ts.isVariableDeclaration(declaration) || declaration.initializer === undefined)
    return false;
  let reads = false;
  walk(ts, declaration.initializer, node => {
    if ((ts.isPropertyAccessExpression(node) || ts.isIdentifier(node)) && accessPath(ts, node) === target) reads = true;
    return !reads;
  });
  return reads;
}

/** `acc.bytes` where `acc` is an object literal made in this function: its state ends with the call. */
function isLocalObject(ts: typeof TS, checker: TS.TypeChecker, access: TS.PropertyAccessExpression): boolean {
  let root: TS.Expression = access;
  while (ts.isPropertyAccessExpression(root)) root = skipOuter(ts, root.expression);
  if (!ts.isIdentifier(root)) return false;
  const declaration = checker.getSymbolAtLocation(root)?.valueDeclaration;
  return (
    declaration !== undefined &&
    ts.isVariableDeclaration(declaration) &&
    declaration.initializer !== undefined &&
    ts.isObjectLiteralExpression(skipOuter(ts, declaration.initializer)) &&
    ts.findAncestor(declaration, ts.isFunctionLike) === ts.findAncestor(access, ts.isFunctionLike)
  );
}
