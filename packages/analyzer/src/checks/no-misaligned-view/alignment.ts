import type TS from 'typescript';
import { classifyNode, classifyType, ELEMENT_SIZES } from '../../types/classify.js';
import { constInitializer } from '../../util/declarations.js';
import { skipOuter } from '../../util/syntax.js';

/**
 * What is known of an integer modulo a power of two: the value is `rem` more than a multiple of
 * `mod`. `mod` 1 knows nothing; literals know their value modulo `EXACT`, which is enough for any
 * element size.
 */
export interface Residue {
  readonly mod: number;
  readonly rem: number;
}

export const EXACT = 64;
const UNKNOWN: Residue = { mod: 1, rem: 0 };
/** How far through `const` initialisers an offset is followed. */
const MAX_DEPTH = 4;

function residue(mod: number, rem: number): Residue {
  const m = Math.max(1, Math.min(mod, EXACT));
  return { mod: m, rem: ((rem % m) + m) % m };
}

/** The largest power of two (up to `EXACT`) that divides `n`; `EXACT` for 0. */
function powerOfTwoIn(n: number): number {
  if (n === 0) return EXACT;
  let p = 1;
  while (p < EXACT && n % (p * 2) === 0) p *= 2;
  return p;
}

/** What the code says about `node` modulo powers of two: literals, `+ - * << &`, `BYTES_PER_ELEMENT`, and `const` initialisers. */
export function residueOf(ts: typeof TS, checker: TS.TypeChecker, node: TS.Expression, depth = 0): Residue {
  const inner = skipOuter(ts, node);
  if (ts.isNumericLiteral(inner)) {
    const value = Number(inner.text);
    return Number.isInteger(value) ? residue(EXACT, value) : UNKNOWN;
  }
  if (
    ts.isPrefixUnaryExpression(inner) &&
    (inner.operator === ts.SyntaxKind.MinusToken || inner.operator === ts.SyntaxKind.TildeToken)
  ) {
    const operand = residueOf(ts, checker, inner.operand, depth);
    // ~n is -n - 1.
    return residue(operand.mod, -operand.rem - (inner.operator === ts.SyntaxKind.TildeToken ? 1 : 0));
  }
  if (ts.isPropertyAccessExpression(inner) && inner.name.text === 'BYTES_PER_ELEMENT') {
    const size = bytesPerElement(ts, inner.expression);
    return size === undefined ? UNKNOWN : residue(EXACT, size);
  }
  if (ts.isIdentifier(inner)) {
    const init = depth < MAX_DEPTH ? constInitializer(ts, checker, inner) : undefined;
    return init === undefined ? UNKNOWN : residueOf(ts, checker, init, depth + 1);
  }
  if (!ts.isBinaryExpression(inner)) return UNKNOWN;
  const left = residueOf(ts, checker, inner.left, depth);
  const right = residueOf(ts, checker, inner.right, depth);
  switch (inner.operatorToken.kind) {
    case ts.SyntaxKind.PlusToken:
      return residue(Math.min(left.mod, right.mod), left.rem + right.rem);
    case ts.SyntaxKind.MinusToken:
      return residue(Math.min(left.mod, right.mod), left.rem - right.rem);
    case ts.SyntaxKind.AsteriskToken:
      return multiply(left, right);
    case ts.SyntaxKind.LessThanLessThanToken:
      return right.mod === EXACT ? scaleResidue(left, 2 ** Math.min(right.rem, 6)) : UNKNOWN;
    case ts.SyntaxKind.AmpersandToken:
      // `x & ~7` and `x & -8` clear the low bits whatever x is.
      return right.mod === EXACT
        ? residue(powerOfTwoIn(right.rem), 0)
        : left.mod === EXACT
          ? residue(powerOfTwoIn(left.rem), 0)
          : UNKNOWN;
    default:
      return UNKNOWN;
  }
}

/** (a·m₁ + r₁)(b·m₂ + r₂) is r₁·r₂ modulo the smaller of m₁ and m₂; a literal factor scales the other side. */
function multiply(left: Residue, right: Residue): Residue {
  if (left.mod === EXACT && right.mod === EXACT) return residue(EXACT, left.rem * right.rem);
  if (right.mod === EXACT) return scaleResidue(left, right.rem);
  if (left.mod === EXACT) return scaleResidue(right, left.rem);
  return residue(Math.min(left.mod, right.mod), left.rem * right.rem);
}

/** (a·m + r)·k = a·m·k + r·k: a residue times a known integer, such as an element size. */
export function scaleResidue(value: Residue, k: number): Residue {
  return residue(value.mod * powerOfTwoIn(k), value.rem * k);
}

function bytesPerElement(ts: typeof TS, owner: TS.Expression): number | undefined {
  const inner = skipOuter(ts, owner);
  return ts.isIdentifier(inner) ? ELEMENT_SIZES[inner.text] : undefined;
}

/** Methods that return where a search of text or bytes stopped. */
const SEARCHES: ReadonlySet<string> = new Set(['indexOf', 'lastIndexOf', 'search', 'findIndex', 'findLastIndex']);

/**
 * Where an offset comes from, when it comes from data: a value read out of binary data (an
 * element of a typed array, a DataView `get*`, a Buffer `read*`), followed through `const`
 * initialisers; or a sum with a term that is not a multiple of the element size.
 */
export function dataOrigin(
  ts: typeof TS,
  checker: TS.TypeChecker,
  node: TS.Expression,
  size: number,
  depth = 0,
): string | undefined {
  const inner = skipOuter(ts, node);
  if (ts.isElementAccessExpression(inner)) {
    const kind = classifyNode(ts, checker, inner.expression);
    if (kind === 'TypedArray' || kind === 'Buffer') return `a value read from \`${inner.expression.getText()}\``;
    return undefined;
  }
  if (
    ts.isCallExpression(inner) &&
    ts.isPropertyAccessExpression(inner.expression) &&
    /^(?:get|read)(?:Big)?(?:U?[Ii]nt|Float|Double)\d*(?:LE|BE)?$/.test(inner.expression.name.text)
  ) {
    return `a value read with \`${inner.expression.name.text}\``;
  }
  if (ts.isIdentifier(inner)) {
    const init = depth < MAX_DEPTH ? constInitializer(ts, checker, inner) : undefined;
    return init === undefined ? undefined : dataOrigin(ts, checker, init, size, depth + 1);
  }
  // Where a search stopped depends on the bytes searched: a header's end, a marker's position.
  if (
    ts.isCallExpression(inner) &&
    ts.isPropertyAccessExpression(inner.expression) &&
    SEARCHES.has(inner.expression.name.text)
  ) {
    return `a position found by \`${inner.expression.name.text}\``;
  }
  // A Node Buffer from a stream, a socket or a parser is a slice of a larger read at any byte.
  if (
    ts.isPropertyAccessExpression(inner) &&
    inner.name.text === 'byteOffset' &&
    typedAsNodeBuffer(ts, checker, inner.expression)
  ) {
    return "a Node Buffer's byteOffset";
  }
  if (
    ts.isBinaryExpression(inner) &&
    (inner.operatorToken.kind === ts.SyntaxKind.PlusToken || inner.operatorToken.kind === ts.SyntaxKind.MinusToken)
  ) {
    for (const term of [inner.left, inner.right]) {
      const known = residueOf(ts, checker, term);
      if (known.mod === EXACT && known.rem % size !== 0)
        return `a sum with the term \`${skipOuter(ts, term).getText()}\``;
    }
    return dataOrigin(ts, checker, inner.left, size, depth) ?? dataOrigin(ts, checker, inner.right, size, depth);
  }
  if (ts.isBinaryExpression(inner) && inner.operatorToken.kind === ts.SyntaxKind.AsteriskToken) {
    return dataOrigin(ts, checker, inner.left, size, depth) ?? dataOrigin(ts, checker, inner.right, size, depth);
  }
  return undefined;
}

/** Whether the static type of `node` is a Node Buffer, or a union with one in it. */
function typedAsNodeBuffer(ts: typeof TS, checker: TS.TypeChecker, node: TS.Expression): boolean {
  const type = checker.getTypeAtLocation(node);
  return (type.isUnion() ? type.types : [type]).some(member => classifyType(ts, checker, member) === 'Buffer');
}
