import type TS from 'typescript';
import { perSourceFile } from '../syntax-cache.js';

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
    if (
      ts.isParenthesizedExpression(current) ||
      ts.isAsExpression(current) ||
      ts.isNonNullExpression(current) ||
      ts.isSatisfiesExpression(current) ||
      ts.isTypeAssertionExpression(current)
    ) {
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

/** `acc`, `cache.content`, `this.body`: the dotted name of an access path, rooted at a variable or at `this`. */
export function accessPath(ts: typeof TS, node: TS.Expression): string | undefined {
  const inner = skipOuter(ts, node);
  if (inner.kind === ts.SyntaxKind.ThisKeyword) return 'this';
  if (!ts.isPropertyAccessExpression(inner)) return dottedName(ts, inner);
  const left = accessPath(ts, inner.expression);
  return left === undefined ? undefined : `${left}.${inner.name.text}`;
}

/**
 * Calls `visit` for every node below `root`, in source order; returning `false` skips the node's
 * children. Iterative, so that machine-made code nested thousands deep cannot overflow the stack.
 * A whole file is read from its nodes in order, listed once per file version: every check walks
 * every file, and an editor asks again on each keystroke.
 */
export function walk(ts: typeof TS, root: TS.Node, visit: (node: TS.Node) => boolean | void): void {
  if (root.kind === ts.SyntaxKind.SourceFile) {
    const { nodes, after } = nodesInOrder(ts, root as TS.SourceFile);
    for (let i = 0; i < nodes.length;) i = visit(nodes[i]!) === false ? after[i]! : i + 1;
    return;
  }
  const stack: TS.Node[] = [];
  const push = stackPusher(stack);
  pushChildren(ts, root, stack, push);
  while (stack.length > 0) {
    const node = stack.pop()!;
    if (visit(node) !== false) pushChildren(ts, node, stack, push);
  }
}

/**
 * The nodes of a file of the given kinds, in source order: what a `walk` that looks at those kinds
 * alone would visit, without a call for every other node. Listed once per file version and kinds.
 */
export function nodesOfKinds(
  ts: typeof TS,
  sourceFile: TS.SourceFile,
  kinds: readonly TS.SyntaxKind[],
): readonly TS.Node[] {
  const index = perSourceFile('memsafe/nodes-by-kind', sourceFile, () => {
    const { nodes } = nodesInOrder(ts, sourceFile);
    const positions = new Map<TS.SyntaxKind, number[]>();
    nodes.forEach((node, position) => {
      const list = positions.get(node.kind);
      if (list === undefined) positions.set(node.kind, [position]);
      else list.push(position);
    });
    return { nodes, positions, lists: new Map<string, readonly TS.Node[]>() };
  });
  const key = kinds.join(',');
  let found = index.lists.get(key);
  if (found === undefined) {
    const positions = Int32Array.from(kinds.flatMap(kind => index.positions.get(kind) ?? []));
    if (kinds.length > 1) positions.sort();
    found = Array.from(positions, position => index.nodes[position]!);
    index.lists.set(key, found);
  }
  return found;
}

/** Past this depth the listing goes on with an explicit stack: recursion is faster, but the call stack is finite. */
const MAX_RECURSION = 1000;

/** The nodes of a file in source order, and for each the index just past its subtree. */
function nodesInOrder(
  ts: typeof TS,
  sourceFile: TS.SourceFile,
): { readonly nodes: readonly TS.Node[]; readonly after: Int32Array } {
  return perSourceFile('memsafe/nodes-in-order', sourceFile, () => {
    const nodes: TS.Node[] = [];
    const ends: number[] = [];
    let depth = 0;
    const list = (node: TS.Node): void => {
      const index = nodes.length;
      nodes.push(node);
      ends.push(0);
      if (depth < MAX_RECURSION) {
        depth++;
        ts.forEachChild(node, list);
        depth--;
      } else {
        listDeep(node);
      }
      ends[index] = nodes.length;
    };
    // The subtree below `root` (already listed), with a number on the stack closing the subtree of the node at that index.
    const listDeep = (root: TS.Node): void => {
      const stack: (TS.Node | number)[] = [];
      const push = stackPusher(stack);
      pushChildren(ts, root, stack, push);
      while (stack.length > 0) {
        const top = stack.pop()!;
        if (typeof top === 'number') {
          ends[top] = nodes.length;
          continue;
        }
        stack.push(nodes.length);
        nodes.push(top);
        ends.push(0);
        pushChildren(ts, top, stack, push);
      }
    };
    ts.forEachChild(sourceFile, list);
    return { nodes, after: Int32Array.from(ends) };
  });
}

// Returns nothing: forEachChild stops at the first callback that returns a truthy value.
function stackPusher<T>(stack: T[]): (child: T) => void {
  return child => {
    stack.push(child);
  };
}

/** Pushes `node`'s children so that they pop in source order: pushed in order, the run reversed in place. */
function pushChildren<T>(ts: typeof TS, node: TS.Node, stack: T[], push: (child: TS.Node) => void): void {
  let low = stack.length;
  ts.forEachChild(node, push);
  for (let high = stack.length - 1; low < high; low++, high--) {
    const swap = stack[low]!;
    stack[low] = stack[high]!;
    stack[high] = swap;
  }
}

/** The last name of `c` or `a.b.c`: `c`; undefined for anything else. */
export function lastName(ts: typeof TS, node: TS.Expression): string | undefined {
  const inner = skipOuter(ts, node);
  if (ts.isIdentifier(inner)) return inner.text;
  return ts.isPropertyAccessExpression(inner) ? inner.name.text : undefined;
}

/** The value of a numeric literal (in parentheses or not), or undefined. */
export function numericLiteralValue(ts: typeof TS, node: TS.Expression | undefined): number | undefined {
  const inner = node === undefined ? undefined : skipOuter(ts, node);
  return inner !== undefined && ts.isNumericLiteral(inner) ? Number(inner.text) : undefined;
}

/** The value of `name` in an object literal, shorthand or not. */
export function propertyValue(
  ts: typeof TS,
  literal: TS.ObjectLiteralExpression,
  name: string,
): TS.Expression | undefined {
  for (const property of literal.properties) {
    if (ts.isPropertyAssignment(property) && ts.isIdentifier(property.name) && property.name.text === name)
      return property.initializer;
    if (ts.isShorthandPropertyAssignment(property) && property.name.text === name) return property.name;
  }
  return undefined;
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
