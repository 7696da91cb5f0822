import type TS from 'typescript';
import { numericLiteralValue, skipOuter } from './syntax.js';

/** How many statements before the code, in each block around it, are searched for a guard. */
const MAX_STATEMENTS = 64;

/**
 * The least length `owner` is known to have at `at`, from the guards that leave before it in the
 * blocks around it: `if (x.length !== 213) throw …`, `if (x.byteLength < 8) return …`, also as one
 * side of an `||`. Undefined when no such guard comes first.
 */
export function checkedLength(ts: typeof TS, owner: TS.Expression, at: TS.Node): number | undefined {
  const text = skipOuter(ts, owner).getText();
  let least: number | undefined;
  for (
    let child: TS.Node = at, parent = at.parent;
    parent !== undefined && !ts.isFunctionLike(child);
    child = parent, parent = parent.parent
  ) {
    if (!ts.isBlock(parent) && !ts.isSourceFile(parent)) continue;
    // The nearest statements first, and only so many: a guard sits close to the code it guards.
    const index = parent.statements.indexOf(child as TS.Statement);
    for (let i = index - 1; i >= Math.max(0, index - MAX_STATEMENTS); i--) {
      const statement = parent.statements[i]!;
      if (!ts.isIfStatement(statement) || statement.elseStatement !== undefined || !leaves(ts, statement.thenStatement))
        continue;
      for (const length of guardedLengths(ts, statement.expression, text)) least = Math.max(least ?? 0, length);
    }
  }
  return least;
}

/** Whether a statement always leaves the block it is in: a `return` or `throw`, or a block that ends with one. */
function leaves(ts: typeof TS, statement: TS.Statement): boolean {
  if (ts.isReturnStatement(statement) || ts.isThrowStatement(statement)) return true;
  if (!ts.isBlock(statement)) return false;
  const last = statement.statements[statement.statements.length - 1];
  return last !== undefined && leaves(ts, last);
}

/** The lengths of `text` that a guard's condition, when false, promises at least. */
function guardedLengths(ts: typeof TS, condition: TS.Expression, text: string): number[] {
  const node = skipOuter(ts, condition);
  if (!ts.isBinaryExpression(node)) return [];
  const operator = node.operatorToken.kind;
  if (operator === ts.SyntaxKind.BarBarToken)
    return [...guardedLengths(ts, node.left, text), ...guardedLengths(ts, node.right, text)];
  const lengthOnLeft = isLengthOf(ts, node.left, text) ? numericLiteralValue(ts, node.right) : undefined;
  const lengthOnRight = isLengthOf(ts, node.right, text) ? numericLiteralValue(ts, node.left) : undefined;
  const SyntaxKind = ts.SyntaxKind;
  if (lengthOnLeft !== undefined) {
    // Leaves when `x.length !== n`, `< n` or `<= n`: past the guard it is n, at least n, or more than n.
    if (
      operator === SyntaxKind.ExclamationEqualsEqualsToken ||
      operator === SyntaxKind.ExclamationEqualsToken ||
      operator === SyntaxKind.LessThanToken
    )
      return [lengthOnLeft];
    if (operator === SyntaxKind.LessThanEqualsToken) return [lengthOnLeft + 1];
  }
  if (lengthOnRight !== undefined) {
    if (
      operator === SyntaxKind.ExclamationEqualsEqualsToken ||
      operator === SyntaxKind.ExclamationEqualsToken ||
      operator === SyntaxKind.GreaterThanToken
    )
      return [lengthOnRight];
    if (operator === SyntaxKind.GreaterThanEqualsToken) return [lengthOnRight + 1];
  }
  return [];
}

function isLengthOf(ts: typeof TS, node: TS.Expression, text: string): boolean {
  const access = skipOuter(ts, node);
  return (
    ts.isPropertyAccessExpression(access) &&
    (access.name.text === 'length' || access.name.text === 'byteLength') &&
    skipOuter(ts, access.expression).getText() === text
  );
}
