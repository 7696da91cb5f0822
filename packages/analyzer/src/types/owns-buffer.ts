import type TS from 'typescript';
import { conversionAt } from '../explain.js';
import { skipOuter } from '../util/syntax.js';
import { typeOf } from './classify.js';

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
  const row = conversionAt(ts, checker, node);
  if (row === undefined || row.result !== 'copy' || row.hazards.includes('pool-aliasing')) return false;
  if (row.hazards.includes('class-dependent')) {
    const receiver = ts.isCallExpression(node) && ts.isPropertyAccessExpression(node.expression) ? node.expression.expression : undefined;
    const name = receiver === undefined ? undefined : typeOf(ts, checker, receiver).getSymbol()?.getName();
    return name !== undefined && name !== 'Uint8Array' && name !== 'Buffer';
  }
  return true;
}
