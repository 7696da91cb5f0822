import type TS from 'typescript';
import { conversionAt } from '../conversions/lookup.js';
import { skipOuter } from '../util/syntax.js';
import { typeOf } from './classify.js';

const RETURNS_THIS: ReadonlySet<string> = new Set(['reverse', 'sort', 'fill', 'copyWithin']);

/**
 * Whether `expression` provably evaluates to a view that spans its whole, private buffer: one made
 * by a conversion the table says copies (`new Uint8Array(8)`, `floats.slice()`, `Buffer.alloc(n)`,
 * `encoder.encode(text)`), directly or through a `const` initialised so. A copy with the
 * `pool-aliasing` hazard lands in Node's shared pool and never qualifies; a `class-dependent` one
 * (`slice`) only where the receiver cannot be a Buffer.
 */
export function ownsWholeBuffer(ts: typeof TS, checker: TS.TypeChecker, expression: TS.Expression): boolean {
  const node = skipOuter(ts, expression);
  if (ts.isIdentifier(node)) {
    const symbol = checker.getSymbolAtLocation(node);
    const declaration = symbol?.valueDeclaration;
    if (declaration === undefined || !ts.isVariableDeclaration(declaration) || declaration.initializer === undefined) return false;
    const list = declaration.parent;
    if (!ts.isVariableDeclarationList(list) || !(list.flags & ts.NodeFlags.Const)) return false;
    return ownsWholeBuffer(ts, checker, declaration.initializer);
  }
  // `(b = expr).buffer`: the value of an assignment is its right side.
  if (ts.isBinaryExpression(node) && node.operatorToken.kind === ts.SyntaxKind.EqualsToken) return ownsWholeBuffer(ts, checker, node.right);
  // reverse(), sort(), fill() and copyWithin() return the array they were called on.
  if (ts.isCallExpression(node) && ts.isPropertyAccessExpression(node.expression) && RETURNS_THIS.has(node.expression.name.text)) {
    return ownsWholeBuffer(ts, checker, node.expression.expression);
  }
  // An allocation, not a conversion: a new buffer is its own, whole.
  if (ts.isNewExpression(node) && ts.isIdentifier(node.expression) && (node.expression.text === 'ArrayBuffer' || node.expression.text === 'SharedArrayBuffer')) return true;
  const row = conversionAt(ts, checker, node);
  if (row === undefined) return false;
  // A view made over the whole of a fresh buffer (`new DataView(new ArrayBuffer(n))`) owns it.
  if ((row.result === 'view' || row.result === 'reinterpret') && ts.isNewExpression(node) && node.arguments?.length === 1) {
    return ownsWholeBuffer(ts, checker, node.arguments[0]!);
  }
  if (row.result !== 'copy' || row.hazards.includes('pool-aliasing')) return false;
  if (row.hazards.includes('class-dependent')) {
    const receiver = ts.isCallExpression(node) && ts.isPropertyAccessExpression(node.expression) ? node.expression.expression : undefined;
    const name = receiver === undefined ? undefined : typeOf(ts, checker, receiver).getSymbol()?.getName();
    return name !== undefined && name !== 'Uint8Array' && name !== 'Buffer';
  }
  return true;
}
