import type TS from 'typescript';
import type { ProgramCache } from '../../check.js';
import { constInitializer } from '../../util/declarations.js';
import { identifiersNamed } from '../../util/name-index.js';
import { calleeDeclaration, functionOf, returnedValues } from '../../util/functions.js';
import { outerParent, skipOuter } from '../../util/syntax.js';
import { HEAP_VIEW_NAMES, isWasmMemory } from '../../glue/wasm.js';
import { ADDRESS_USES } from './addresses.js';

export type HeapIndexUse = 'index' | 'subarray' | 'slice' | 'set';

/** What a negative index does in each place a shifted address goes into a heap view, for the message. */
export const HEAP_USES: Readonly<Record<HeapIndexUse, string>> = {
  index: ADDRESS_USES.index,
  subarray: ADDRESS_USES.subarray,
  slice: ADDRESS_USES.slice,
  set: '`set` throws a RangeError',
};

/** How deep a heap view is looked for through constants, conditionals and the functions that return it. */
const HEAP_SEARCH_DEPTH = 3;

/** A shifted value that is a fixed offset, not an address: a literal or an `UPPER_CASE` constant. */
export function isFixedOffset(ts: typeof TS, node: TS.Expression): boolean {
  const inner = skipOuter(ts, node);
  return ts.isNumericLiteral(inner) || (ts.isIdentifier(inner) && /^[A-Z][A-Z0-9_]*$/.test(inner.text));
}

/**
 * The view a shifted value indexes, and how: `heap[p >> 2]`, `heap[(p >> 2) + i]`,
 * `heap.subarray(p >> 2, …)`, `heap.set(values, p >> 2)`.
 */
export function heapIndexTarget(
  ts: typeof TS,
  shift: TS.BinaryExpression,
): { heap: TS.Expression; use: HeapIndexUse; access: TS.Node } | undefined {
  let up = outerParent(ts, shift);
  while (
    ts.isBinaryExpression(up.parent) &&
    (up.parent.operatorToken.kind === ts.SyntaxKind.PlusToken ||
      up.parent.operatorToken.kind === ts.SyntaxKind.MinusToken)
  )
    up = outerParent(ts, up.parent);
  const { parent, child } = up;
  if (ts.isElementAccessExpression(parent) && parent.argumentExpression === child)
    return { heap: parent.expression, use: 'index', access: parent };
  if (!ts.isCallExpression(parent) || !ts.isPropertyAccessExpression(parent.expression)) return undefined;
  const method = parent.expression.name.text;
  const index = parent.arguments.indexOf(child as TS.Expression);
  if ((method === 'subarray' || method === 'slice') && index >= 0)
    return { heap: parent.expression.expression, use: method, access: parent };
  return method === 'set' && index === 1
    ? { heap: parent.expression.expression, use: 'set', access: parent }
    : undefined;
}

/**
 * Whether `expression` is a view of a whole wasm memory: Emscripten's `Module.HEAPU32` and friends,
 * a typed array over `memory.buffer`, or a constant, conditional or function result that is one.
 */
export function isHeapView(
  ts: typeof TS,
  checker: TS.TypeChecker,
  cache: ProgramCache,
  expression: TS.Expression,
  exportObjects: ReadonlySet<string>,
  depth = HEAP_SEARCH_DEPTH,
): boolean {
  const node = skipOuter(ts, expression);
  // A bare `HEAP32` is the glue's own variable, and Emscripten generates glue for its build's
  // address range (it writes `>>>` itself where memory can pass 2 GiB); code that reaches the heap
  // through a module object (`Module.HEAP32`) has to work with any build.
  if (ts.isPropertyAccessExpression(node) && HEAP_VIEW_NAMES.has(node.name.text)) return true;
  if (depth === 0 || (ts.isIdentifier(node) && HEAP_VIEW_NAMES.has(node.text))) return false;
  if (ts.isConditionalExpression(node))
    return (
      isHeapView(ts, checker, cache, node.whenTrue, exportObjects, depth - 1) ||
      isHeapView(ts, checker, cache, node.whenFalse, exportObjects, depth - 1)
    );
  if (ts.isIdentifier(node)) {
    const values = valuesOf(ts, checker, cache, node);
    return values.length > 0 && values.every(value => isHeapView(ts, checker, cache, value, exportObjects, depth - 1));
  }
  if (ts.isNewExpression(node)) {
    const source = node.arguments?.[0] === undefined ? undefined : skipOuter(ts, node.arguments[0]);
    return (
      node.arguments?.length === 1 &&
      source !== undefined &&
      ts.isPropertyAccessExpression(source) &&
      source.name.text === 'buffer' &&
      isWasmMemory(ts, checker, source.expression, exportObjects)
    );
  }
  if (ts.isCallExpression(node)) {
    const fn = functionOf(ts, calleeDeclaration(ts, checker, node));
    return (
      fn !== undefined &&
      returnedValues(ts, fn).some(value => isHeapView(ts, checker, cache, value, exportObjects, depth - 1))
    );
  }
  return false;
}

/**
 * What a variable can hold: a constant's initialiser, or every value a `let` is given (wasm-bindgen
 * caches its views in one: `cachedInt32Memory0 = new Int32Array(wasm.memory.buffer)`), `null` and
 * `undefined` aside.
 */
function valuesOf(
  ts: typeof TS,
  checker: TS.TypeChecker,
  cache: ProgramCache,
  identifier: TS.Identifier,
): readonly TS.Expression[] {
  const init = constInitializer(ts, checker, identifier);
  if (init !== undefined) return [init];
  const symbol = checker.getSymbolAtLocation(identifier);
  const declaration = symbol?.valueDeclaration;
  if (declaration === undefined || !ts.isVariableDeclaration(declaration) || !ts.isIdentifier(declaration.name))
    return [];
  // Asked once per shift into the same view: the answer is kept per variable.
  return cache.get('memsafe/signed-pointer-let-values', declaration, () => {
    const values = declaration.initializer === undefined ? [] : [declaration.initializer];
    for (const use of identifiersNamed(ts, identifier.getSourceFile(), identifier.text)) {
      const { parent, child } = outerParent(ts, use);
      if (
        ts.isBinaryExpression(parent) &&
        parent.left === child &&
        parent.operatorToken.kind === ts.SyntaxKind.EqualsToken &&
        checker.getSymbolAtLocation(use) === symbol
      )
        values.push(parent.right);
    }
    return values.filter(value => {
      const inner = skipOuter(ts, value);
      return inner.kind !== ts.SyntaxKind.NullKeyword && !(ts.isIdentifier(inner) && inner.text === 'undefined');
    });
  });
}
