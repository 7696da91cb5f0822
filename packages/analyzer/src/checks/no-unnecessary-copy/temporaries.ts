import type TS from 'typescript';
import { typedArrayClass } from '../../conversions/copies.js';
import { classifyNode, TYPED_ARRAY_NAMES } from '../../types/classify.js';
import { constInitializer } from '../../util/declarations.js';
import { calleeDeclaration, functionOf, returnedValues } from '../../util/functions.js';
import { identifiersNamed } from '../../util/name-index.js';
import { skipOuter } from '../../util/syntax.js';

/** How far a fresh allocation is followed through constants and the functions that return it. */
const FRESH_SEARCH_DEPTH = 3;

/** A copy whose source was made for it alone: the source, and the line where it was made. */
export interface TemporaryCopy {
  readonly source: TS.Identifier;
  readonly declaration: TS.VariableDeclaration;
}

/**
 * `new T(tmp)`, `T.from(tmp)` or `tmp.slice()` of the same class as `tmp`, where `tmp` is a
 * constant of the same function, made fresh (a new array, or the result of a function that always
 * returns one) and read nowhere else: the copy duplicates storage nobody else can see.
 */
export function temporaryCopied(
  ts: typeof TS,
  checker: TS.TypeChecker,
  copy: TS.Expression,
): TemporaryCopy | undefined {
  const source = copiedOperand(ts, copy);
  if (source === undefined || !ts.isIdentifier(source)) return undefined;
  const symbol = checker.getSymbolAtLocation(source);
  const declaration = symbol?.valueDeclaration;
  if (declaration === undefined || !ts.isVariableDeclaration(declaration) || !ts.isIdentifier(declaration.name))
    return undefined;
  const init = constInitializer(ts, checker, source);
  const scope = enclosingFunction(ts, declaration);
  if (init === undefined || scope === undefined || scope !== enclosingFunction(ts, copy)) return undefined;
  // Positions first: the symbol is asked only of the name's uses inside the function.
  const uses = identifiersNamed(ts, copy.getSourceFile(), source.text, scope).filter(
    use => use !== declaration.name && checker.getSymbolAtLocation(use) === symbol,
  );
  if (uses.length !== 1 || uses[0] !== source) return undefined;
  const sourceClass = typedArrayClass(ts, checker, source);
  if (sourceClass === undefined || sourceClass !== typedArrayClass(ts, checker, copy)) return undefined;
  // `Buffer#slice` is a view, not a copy.
  if (
    sourceClass === 'Buffer' &&
    ts.isCallExpression(copy) &&
    ts.isPropertyAccessExpression(copy.expression) &&
    copy.expression.name.text === 'slice'
  )
    return undefined;
  return isFresh(ts, checker, init, FRESH_SEARCH_DEPTH) ? { source, declaration } : undefined;
}

/** What a copy-shaped expression copies: the argument of `new T(x)` and `T.from(x)`, the receiver of `x.slice()`. */
function copiedOperand(ts: typeof TS, copy: TS.Expression): TS.Expression | undefined {
  if (ts.isNewExpression(copy)) return copy.arguments?.length === 1 ? skipOuter(ts, copy.arguments[0]!) : undefined;
  if (!ts.isCallExpression(copy) || !ts.isPropertyAccessExpression(copy.expression)) return undefined;
  const method = copy.expression.name.text;
  if (method === 'from' && copy.arguments.length === 1) return skipOuter(ts, copy.arguments[0]!);
  return method === 'slice' && copy.arguments.length === 0 ? skipOuter(ts, copy.expression.expression) : undefined;
}

function enclosingFunction(ts: typeof TS, node: TS.Node): TS.Node | undefined {
  return ts.findAncestor(node.parent, n => ts.isFunctionLike(n) || ts.isSourceFile(n));
}

/**
 * Storage nobody else holds: `new T(n)`, `new T([…])`, `T.from(…)`, `T.of(…)`, `Buffer.alloc(n)`,
 * a constant holding one, or a call of a function whose every return is one. A typed array made
 * over a buffer is a view of it, never fresh.
 */
function isFresh(ts: typeof TS, checker: TS.TypeChecker, expression: TS.Expression, depth: number): boolean {
  const node = skipOuter(ts, expression);
  if (ts.isNewExpression(node)) {
    const first = node.arguments?.[0];
    if (
      !ts.isIdentifier(node.expression) ||
      !TYPED_ARRAY_NAMES.has(node.expression.text) ||
      first === undefined ||
      node.arguments!.length !== 1
    )
      return false;
    const kind = classifyNode(ts, checker, first);
    return kind === 'number' || ts.isArrayLiteralExpression(skipOuter(ts, first));
  }
  if (depth === 0) return false;
  if (ts.isIdentifier(node)) {
    const init = constInitializer(ts, checker, node);
    return init !== undefined && isFresh(ts, checker, init, depth - 1);
  }
  if (!ts.isCallExpression(node)) return false;
  const callee = skipOuter(ts, node.expression);
  if (ts.isPropertyAccessExpression(callee) && ts.isIdentifier(callee.expression)) {
    const owner = callee.expression.text;
    const method = callee.name.text;
    if (TYPED_ARRAY_NAMES.has(owner) && (method === 'from' || method === 'of')) return true;
    if (owner === 'Buffer' && (method === 'alloc' || method === 'allocUnsafeSlow')) return true;
  }
  const fn = functionOf(ts, calleeDeclaration(ts, checker, node));
  if (fn === undefined) return false;
  const returned = returnedValues(ts, fn);
  return returned.length > 0 && returned.every(value => isFresh(ts, checker, value, depth - 1));
}
