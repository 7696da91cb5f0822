import type TS from 'typescript';
import { skipOuter } from '../util/syntax.js';
import { TYPED_ARRAY_NAMES, typeOf } from './classify.js';

/**
 * Whether `expression` provably evaluates to a view that spans its whole, private buffer: a
 * typed array made with a length, an array, or by copying (`new Uint8Array(8)`, `ta.slice()`,
 * `Buffer.alloc(n)`), directly or through a `const` that was initialised so. Pooled Buffers
 * (`Buffer.from`, `Buffer.allocUnsafe`) never qualify.
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
  if (ts.isNewExpression(node) && ts.isIdentifier(node.expression) && TYPED_ARRAY_NAMES.has(node.expression.text)) {
    const [first] = node.arguments ?? [];
    if (first === undefined) return true;
    const type = typeOf(ts, checker, first);
    // new T(length), new T([..]), new T(otherTypedArray): fresh storage. new T(buffer, …): a view.
    return !!(type.flags & ts.TypeFlags.NumberLike) || checker.isArrayType(type) || isTypedArrayType(checker, type);
  }
  if (ts.isCallExpression(node) && ts.isPropertyAccessExpression(node.expression)) {
    const name = node.expression.name.text;
    const receiver = node.expression.expression;
    if (ts.isIdentifier(receiver) && receiver.text === 'Buffer') return name === 'alloc' || name === 'allocUnsafeSlow';
    if (ts.isIdentifier(receiver) && TYPED_ARRAY_NAMES.has(receiver.text)) return name === 'from' || name === 'of';
    // TextEncoder#encode returns a Uint8Array over a buffer of its own.
    if (name === 'encode' && typeOf(ts, checker, receiver).getSymbol()?.getName() === 'TextEncoder') return true;
    // slice() of a typed array copies; of a Buffer it is a view, so only typed arrays qualify.
    if (name === 'slice' || name === 'map' || name === 'filter' || name === 'toReversed' || name === 'toSorted' || name === 'with') {
      const type = typeOf(ts, checker, receiver);
      const name = type.getSymbol()?.getName();
      // A value typed Uint8Array may be a Buffer, whose slice() is a view (no-ambiguous-slice).
      return isTypedArrayType(checker, type) && name !== 'Buffer' && !(name === 'Uint8Array' && node.expression.name.text === 'slice');
    }
  }
  return false;
}

function isTypedArrayType(checker: TS.TypeChecker, type: TS.Type): boolean {
  const name = type.getSymbol()?.getName();
  return name !== undefined && (TYPED_ARRAY_NAMES.has(name) || name === 'Buffer') && !checker.isArrayType(type);
}
