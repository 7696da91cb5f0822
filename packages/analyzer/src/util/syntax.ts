import type TS from 'typescript';

/** An identifier or a chain of property reads on one: safe to evaluate twice in a suggested edit. */
export function isStableReference(ts: typeof TS, node: TS.Expression): boolean {
  if (ts.isIdentifier(node) || node.kind === ts.SyntaxKind.ThisKeyword) return true;
  if (ts.isPropertyAccessExpression(node)) return isStableReference(ts, node.expression);
  if (ts.isParenthesizedExpression(node)) return isStableReference(ts, node.expression);
  return false;
}

/** The expression with parentheses and type assertions (`as`, `!`, `satisfies`) stripped. */
export function skipOuter(ts: typeof TS, node: TS.Expression): TS.Expression {
  let current = node;
  for (;;) {
    if (ts.isParenthesizedExpression(current) || ts.isAsExpression(current) || ts.isNonNullExpression(current) || ts.isSatisfiesExpression(current) || ts.isTypeAssertionExpression(current)) {
      current = current.expression;
    } else {
      return current;
    }
  }
}

/** The nearest ancestor that is not a parenthesis or type assertion, and the child it was reached from. */
export function outerParent(ts: typeof TS, node: TS.Node): { parent: TS.Node; child: TS.Node } {
  let child = node;
  let parent = node.parent;
  while (
    ts.isParenthesizedExpression(parent) ||
    ts.isAsExpression(parent) ||
    ts.isNonNullExpression(parent) ||
    ts.isSatisfiesExpression(parent) ||
    ts.isTypeAssertionExpression(parent)
  ) {
    child = parent;
    parent = parent.parent;
  }
  return { parent, child };
}

/** `a.b.c` for a property chain, `undefined` for anything else. */
export function dottedName(ts: typeof TS, node: TS.Expression): string | undefined {
  const inner = skipOuter(ts, node);
  if (ts.isIdentifier(inner)) return inner.text;
  if (ts.isPropertyAccessExpression(inner)) {
    const left = dottedName(ts, inner.expression);
    return left === undefined ? undefined : `${left}.${inner.name.text}`;
  }
  return undefined;
}

/**
 * Calls `visit` for every node below `root`, in source order; returning `false` skips the node's
 * children. Iterative, so that machine-made code nested thousands deep cannot overflow the stack.
 */
export function walk(ts: typeof TS, root: TS.Node, visit: (node: TS.Node) => boolean | void): void {
  const stack: TS.Node[] = [];
  const pushChildren = (node: TS.Node): void => {
    const children: TS.Node[] = [];
    ts.forEachChild(node, child => {
      children.push(child);
    });
    for (let i = children.length - 1; i >= 0; i--) stack.push(children[i]!);
  };
  pushChildren(root);
  while (stack.length > 0) {
    const node = stack.pop()!;
    if (visit(node) !== false) pushChildren(node);
  }
}

/** The last name of `c` or `a.b.c`: `c`; undefined for anything else. */
export function lastName(ts: typeof TS, node: TS.Expression): string | undefined {
  const inner = skipOuter(ts, node);
  if (ts.isIdentifier(inner)) return inner.text;
  return ts.isPropertyAccessExpression(inner) ? inner.name.text : undefined;
}

/** The name a call goes by: `f` for `f()`, `m` for `obj.m()`. */
export function calledName(ts: typeof TS, call: TS.CallExpression | TS.NewExpression): string | undefined {
  return lastName(ts, call.expression);
}

/** Source text for a message: on one line, cut to `max` characters with `...`. */
export function abbreviate(text: string, max: number): string {
  const flat = text.replace(/\s+/g, ' ');
  return flat.length > max ? `${flat.slice(0, max - 3)}...` : flat;
}
