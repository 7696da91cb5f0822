import type TS from 'typescript';
import { typeOf } from '../../types/classify.js';
import { calledName, dottedName, propertyValue, skipOuter, walk } from '../../util/syntax.js';
import { constInitializer } from '../../util/declarations.js';
import { calleeDeclaration, functionOf, returnedValues } from '../../util/functions.js';

/** The flat-storage property of a strided array: `data` (scijs ndarray, @stdlib/ndarray, most others) or `array` (memsafe's RawPtr). */
export const STORAGE_NAMES: ReadonlySet<string> = new Set(['data', 'array']);

export interface StridedArray {
  /** `scijs`, `stdlib`-style or memsafe's RawPtr: decides the advice. */
  readonly memsafe: boolean;
  /** `stride` or `strides`, as the type names it. */
  readonly strideName: string;
}

/**
 * Whether `receiver` has the type of a strided n-d array: `shape`, `stride(s)`, `offset` and the
 * storage property. Without an offset it is a chunk in a storage order (a zarr chunk), whose
 * codecs rightly walk it as stored.
 */
export function stridedArrayOf(
  ts: typeof TS,
  checker: TS.TypeChecker,
  receiver: TS.Expression,
  storage: string,
): StridedArray | undefined {
  const type = checker.getApparentType(typeOf(ts, checker, receiver));
  const has = (name: string) => type.getProperty(name) !== undefined;
  if (!has(storage) || !has('shape') || !has('offset')) return undefined;
  const strideName = has('strides') ? 'strides' : has('stride') ? 'stride' : undefined;
  if (strideName === undefined) return undefined;
  const symbol = type.getSymbol() ?? type.aliasSymbol;
  const memsafe =
    symbol?.getName() === 'RawPtr' &&
    /[\\/](?:@memsafe[\\/]runtime|packages[\\/]runtime)[\\/]/.test(
      symbol.declarations?.[0]?.getSourceFile().fileName ?? '',
    );
  return { memsafe, strideName };
}

/** Names of calls that prove or make contiguity: `checkContiguous(v)`, `ascontiguous(v)`, `isContiguous(a)`. */
const CONTIGUITY = /contiguous/i;

/**
 * Whether the code proves `receiver` contiguous before `at`: it was made by a contiguity call
 * (`checkContiguous(v).raw()`, `ascontiguous(v)`, or a `const` holding one), or `ndarray(data, shape)`
 * with default strides; or the function tests it before `at` (a contiguity property or call, or a
 * condition that reads its strides).
 */
export function isProvenContiguous(
  ts: typeof TS,
  checker: TS.TypeChecker,
  receiver: TS.Expression,
  at: TS.Node,
  strideName: string,
): boolean {
  if (madeContiguous(ts, checker, receiver, 0)) return true;
  const names = new Set<string>();
  for (const owner of owners(ts, checker, receiver)) {
    if (isCLayoutView(ts, checker, owner)) return true;
    const name = dottedName(ts, owner);
    if (name !== undefined) names.add(name);
  }
  if (names.size === 0) return false;
  const scope = ts.findAncestor(at, n => ts.isFunctionLike(n) || ts.isSourceFile(n)) ?? at.getSourceFile();
  let proven = false;
  walk(ts, scope, node => {
    if (proven || node.pos >= at.pos) return false;
    if (ts.isPropertyAccessExpression(node) && names.has(dottedName(ts, node.expression) ?? '')) {
      if (CONTIGUITY.test(node.name.text)) proven = true;
      else if ((node.name.text === strideName || node.name.text === 'strides') && isInCondition(ts, node))
        proven = true;
    } else if (
      ts.isCallExpression(node) &&
      CONTIGUITY.test(calledName(ts, node) ?? '') &&
      node.arguments.some(arg => names.has(dottedName(ts, arg) ?? ''))
    ) {
      proven = true;
    }
    return !proven;
  });
  return proven;
}

/** The receiver and what it was taken from: `ptr`, and `view` for `const ptr = view.raw()`. */
function owners(ts: typeof TS, checker: TS.TypeChecker, receiver: TS.Expression): TS.Expression[] {
  const found: TS.Expression[] = [];
  let current: TS.Expression | undefined = skipOuter(ts, receiver);
  for (let depth = 0; current !== undefined && depth < 4; depth++) {
    found.push(current);
    if (
      ts.isCallExpression(current) &&
      ts.isPropertyAccessExpression(current.expression) &&
      current.expression.name.text === 'raw'
    )
      current = skipOuter(ts, current.expression.expression);
    else if (ts.isIdentifier(current)) current = constInitializer(ts, checker, current);
    else current = undefined;
    if (current !== undefined) current = skipOuter(ts, current);
  }
  return found;
}

/** A memsafe `View<D, 'C'>`: C-contiguous by its type. */
function isCLayoutView(ts: typeof TS, checker: TS.TypeChecker, node: TS.Expression): boolean {
  const type = typeOf(ts, checker, node);
  if ((type.getSymbol() ?? type.aliasSymbol)?.getName() !== 'View' || !(type.flags & ts.TypeFlags.Object)) return false;
  const layout = checker.getTypeArguments(type as TS.TypeReference)[1];
  return layout !== undefined && layout.isStringLiteral() && layout.value === 'C';
}

function madeContiguous(ts: typeof TS, checker: TS.TypeChecker, expression: TS.Expression, depth: number): boolean {
  const inner = skipOuter(ts, expression);
  if (ts.isIdentifier(inner)) {
    const init = depth < 3 ? constInitializer(ts, checker, inner) : undefined;
    return init !== undefined && madeContiguous(ts, checker, init, depth + 1);
  }
  if (ts.isPropertyAccessExpression(inner)) return madeContiguous(ts, checker, inner.expression, depth);
  // `isContiguous(a) ? a : pack(a)`: the array itself where the test proves it, else a packed copy.
  if (ts.isConditionalExpression(inner)) {
    const tested = dottedName(ts, inner.whenTrue);
    const test = skipOuter(ts, inner.condition);
    const provesTrue =
      tested !== undefined &&
      ts.isCallExpression(test) &&
      CONTIGUITY.test(calledName(ts, test) ?? '') &&
      test.arguments.some(arg => dottedName(ts, arg) === tested);
    return (
      provesTrue &&
      depth < 3 &&
      (madeContiguous(ts, checker, inner.whenFalse, depth + 1) || returnsPacked(ts, checker, inner.whenFalse))
    );
  }
  if (!ts.isCallExpression(inner)) return false;
  const name = calledName(ts, inner);
  if (name !== undefined && CONTIGUITY.test(name)) return true;
  // scijs `ndarray(data, shape)` without strides lays the data out in C order from offset 0.
  if (name === 'ndarray' && inner.arguments.length <= 2) return true;
  const callee = skipOuter(ts, inner.expression);
  return ts.isPropertyAccessExpression(callee) && madeContiguous(ts, checker, callee.expression, depth);
}

/** Names of functions that compute C-order (row-major) strides for a shape. */
const C_ORDER_STRIDES = /row.?major|c.?order|contiguous|default.?strides?|c.?strides?/i;

/**
 * A call of a function whose every return is a new array literal of its own layout: an object with
 * `offset: 0` and strides computed in C order (`{ data, shape, stride: rowMajorStride(shape), offset: 0 }`).
 */
function returnsPacked(ts: typeof TS, checker: TS.TypeChecker, expression: TS.Expression): boolean {
  const call = skipOuter(ts, expression);
  if (!ts.isCallExpression(call)) return false;
  const fn = functionOf(ts, calleeDeclaration(ts, checker, call));
  if (fn === undefined) return false;
  const values = returnedValues(ts, fn);
  return (
    values.length > 0 &&
    values.every(value => {
      const literal = skipOuter(ts, value);
      if (!ts.isObjectLiteralExpression(literal)) return false;
      const property = (name: string): TS.Expression | undefined => {
        const value = propertyValue(ts, literal, name);
        return value === undefined ? undefined : skipOuter(ts, value);
      };
      const offset = property('offset');
      const strides = property('stride') ?? property('strides');
      return (
        offset !== undefined &&
        ts.isNumericLiteral(offset) &&
        offset.text === '0' &&
        strides !== undefined &&
        ts.isCallExpression(strides) &&
        C_ORDER_STRIDES.test(calledName(ts, strides) ?? '')
      );
    })
  );
}

/** Inside the test of an `if`, `while`, `?:`, or a comparison. */
function isInCondition(ts: typeof TS, node: TS.Node): boolean {
  for (
    let child = node, parent = node.parent;
    parent !== undefined && !ts.isStatement(child);
    child = parent, parent = parent.parent
  ) {
    if ((ts.isIfStatement(parent) || ts.isWhileStatement(parent)) && parent.expression === child) return true;
    if (ts.isConditionalExpression(parent) && parent.condition === child) return true;
    if (ts.isBinaryExpression(parent) && /^(?:===|!==|==|!=|<|>|<=|>=)$/.test(parent.operatorToken.getText()))
      return true;
  }
  return false;
}
