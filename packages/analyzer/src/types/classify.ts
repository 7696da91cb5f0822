import type TS from 'typescript';
import type { Operand } from '../conversions/schema.js';

/** Bytes per element of each typed array class. */
export const ELEMENT_SIZES: Readonly<Record<string, number>> = {
  Int8Array: 1,
  Uint8Array: 1,
  Uint8ClampedArray: 1,
  Int16Array: 2,
  Uint16Array: 2,
  Float16Array: 2,
  Int32Array: 4,
  Uint32Array: 4,
  Float32Array: 4,
  Float64Array: 8,
  BigInt64Array: 8,
  BigUint64Array: 8,
};

export const TYPED_ARRAY_NAMES: ReadonlySet<string> = new Set(Object.keys(ELEMENT_SIZES));

const RUNTIME_DECLARATION = /[\\/](?:@memsafe[\\/]runtime|packages[\\/]runtime)[\\/]/;

/** The kind of value `type` is, as the conversion table names kinds; `undefined` when it is none of them. */
export function classifyType(ts: typeof TS, checker: TS.TypeChecker, type: TS.Type): Operand | undefined {
  if (type.flags & (ts.TypeFlags.Any | ts.TypeFlags.Unknown)) return 'any';
  if (type.flags & ts.TypeFlags.NumberLike) return 'number';
  if (type.flags & ts.TypeFlags.StringLike) return 'string';
  if (type.isUnion()) return classifyUnion(ts, checker, type);
  if (checker.isArrayType(type)) {
    const [element] = checker.getTypeArguments(type as TS.TypeReference);
    return element !== undefined && element.flags & ts.TypeFlags.NumberLike ? 'number[]' : 'iterable';
  }
  const symbol = type.getSymbol() ?? type.aliasSymbol;
  if (symbol === undefined) return undefined;
  const name = symbol.getName();
  if (name === 'Buffer') return 'Buffer';
  if (name === 'BigInt64Array' || name === 'BigUint64Array') return 'BigIntTypedArray';
  // An ArrayBufferView is a typed array or a DataView: for its `.buffer` and its bytes, the same.
  if (TYPED_ARRAY_NAMES.has(name) || name === 'ArrayBufferView') return 'TypedArray';
  if (name === 'ArrayBuffer' || name === 'SharedArrayBuffer' || name === 'DataView' || name === 'Blob') return name;
  if (name === 'Memory' || name === 'View') {
    const declaration = symbol.declarations?.[0];
    if (declaration !== undefined && RUNTIME_DECLARATION.test(declaration.getSourceFile().fileName))
      return `memsafe.${name}`;
    if (name === 'Memory' && checker.getFullyQualifiedName(symbol) === 'WebAssembly.Memory')
      return 'WebAssembly.Memory';
  }
  return type.flags & ts.TypeFlags.Object ? 'object' : undefined;
}

/** A union is a kind only when every member is (ArrayBufferLike = ArrayBuffer | SharedArrayBuffer counts as ArrayBuffer). */
function classifyUnion(ts: typeof TS, checker: TS.TypeChecker, type: TS.UnionType): Operand | undefined {
  const kinds = new Set<Operand | undefined>();
  for (const member of type.types) {
    if (member.flags & (ts.TypeFlags.Undefined | ts.TypeFlags.Null)) continue;
    kinds.add(classifyType(ts, checker, member));
  }
  if (kinds.size === 1) return [...kinds][0];
  if (kinds.size === 2 && kinds.has('ArrayBuffer') && kinds.has('SharedArrayBuffer')) return 'ArrayBuffer';
  if ([...kinds].every(kind => kind === 'TypedArray' || kind === 'Buffer' || kind === 'BigIntTypedArray'))
    return 'TypedArray';
  return undefined;
}

/**
 * The kind of the value `node` evaluates to (one type-checker question). A variable declared with
 * a union of kinds (`data: ArrayBuffer | ArrayBufferView`) is judged by its type narrowed at this
 * point (`ArrayBuffer.isView(data) ? data.buffer : data`), which costs a walk back through the
 * function's flow: asked only for such unions, and only in functions of a size people write.
 */
export function classifyNode(ts: typeof TS, checker: TS.TypeChecker, node: TS.Node): Operand | undefined {
  const declared = typeOf(ts, checker, node);
  const kind = classifyType(ts, checker, declared);
  if (kind !== undefined || !declared.isUnion() || !withinNarrowingBudget(ts, node)) return kind;
  return classifyType(ts, checker, checker.getTypeAtLocation(node));
}

/** Functions longer than this (in characters) are machine-made: their unions are not narrowed. */
const NARROWING_BUDGET = 20_000;

function withinNarrowingBudget(ts: typeof TS, node: TS.Node): boolean {
  const container = ts.findAncestor(node.parent, n => ts.isFunctionLike(n) || ts.isSourceFile(n));
  return container !== undefined && container.end - container.pos <= NARROWING_BUDGET;
}

/**
 * The type of an expression, taken from its declaration where it has one. `getTypeAtLocation`
 * on an identifier narrows it by walking back through every statement of the function (flow
 * analysis), which turns one question per call into quadratic time on long functions; the kinds
 * memsafe tells apart do not depend on narrowing.
 */
export function typeOf(ts: typeof TS, checker: TS.TypeChecker, node: TS.Node): TS.Type {
  let inner = node;
  while (ts.isParenthesizedExpression(inner) || ts.isNonNullExpression(inner)) inner = inner.expression;
  if (ts.isIdentifier(inner) && !(ts.isPropertyAccessExpression(inner.parent) && inner.parent.name === inner)) {
    const symbol = checker.getSymbolAtLocation(inner);
    if (
      symbol !== undefined &&
      symbol.flags & (ts.SymbolFlags.Variable | ts.SymbolFlags.Property) &&
      !(symbol.flags & ts.SymbolFlags.Alias)
    ) {
      return checker.getTypeOfSymbol(symbol);
    }
  }
  return checker.getTypeAtLocation(inner);
}

/** Whether a value of kind `actual` fits a pattern's operand `expected`. */
export function operandFits(expected: Operand, actual: Operand | undefined): boolean {
  if (expected === 'any') return true;
  if (actual === undefined) return false;
  if (expected === actual) return true;
  switch (expected) {
    case 'TypedArray':
      return actual === 'Buffer' || actual === 'BigIntTypedArray';
    case 'ArrayBuffer':
      return actual === 'ResizableArrayBuffer' || actual === 'memory.buffer';
    case 'iterable':
      return (
        actual === 'number[]' ||
        actual === 'TypedArray' ||
        actual === 'Buffer' ||
        actual === 'BigIntTypedArray' ||
        actual === 'string'
      );
    case 'object':
      return actual !== 'number' && actual !== 'string';
    default:
      return false;
  }
}

/** Exact fits rank above general ones, so that the most specific table row wins. */
export function fitScore(expected: Operand, actual: Operand | undefined): number {
  if (!operandFits(expected, actual)) return -1;
  if (expected === actual) return 3;
  // A Buffer is a TypedArray before it is an iterable or an object: the narrower family wins a tie.
  if (expected === 'TypedArray' || expected === 'ArrayBuffer') return 2;
  return expected === 'any' ? 0 : 1;
}
