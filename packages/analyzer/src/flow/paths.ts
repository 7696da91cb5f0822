import type TS from 'typescript';
import { skipOuter } from '../util/syntax.js';

/**
 * An access path: a reference the flow state is keyed by, as TypeScript's own narrowing keys its
 * flow cache (checker.ts `getFlowCacheKey`). A variable is `<name>#<id>` (the name keeps keys
 * readable and lets a reference be dismissed by its text), `this` is `this`, a property read
 * appends `.name`, and an element of a collection (`a[i]`, `map.get(k)`, `for (const v of a)`)
 * appends `[]`: every element of one collection shares one key.
 */
export type PathKey = string;

/** Property reads past this many are not followed: `a.b.c.d.e` is no key. */
export const MAX_PATH_LENGTH = 4;

export const ELEMENT = '[]';

const symbolIds = new WeakMap<TS.Symbol, number>();
let nextSymbolId = 1;

/** The key of a variable, parameter or imported binding. */
export function symbolKey(symbol: TS.Symbol): PathKey {
  let id = symbolIds.get(symbol);
  if (id === undefined) symbolIds.set(symbol, (id = nextSymbolId++));
  return `${symbol.getName()}#${id}`;
}

/** `base.name`, or undefined when the path would grow past MAX_PATH_LENGTH. */
export function memberKey(base: PathKey, name: string): PathKey | undefined {
  let segments = 0;
  for (let i = 0; i < base.length; i++) if (base[i] === '.' || base[i] === '[') segments++;
  return segments >= MAX_PATH_LENGTH ? undefined : name === ELEMENT ? `${base}${ELEMENT}` : `${base}.${name}`;
}

/** Whether `key` lies under `prefix` (`a.b` and `a[]` lie under `a`): an assignment to the prefix kills it. */
export function isUnder(key: PathKey, prefix: PathKey): boolean {
  return (
    key.length > prefix.length && key.startsWith(prefix) && (key[prefix.length] === '.' || key[prefix.length] === '[')
  );
}

/** The last segment of a key, as source code names it: `view` for `this.view`, `[]` for an element. */
export function lastSegment(key: PathKey): string {
  if (key.endsWith(ELEMENT)) return ELEMENT;
  const dot = key.lastIndexOf('.');
  if (dot >= 0) return key.slice(dot + 1);
  const hash = key.lastIndexOf('#');
  return hash < 0 ? key : key.slice(0, hash);
}

/** The names along a key: `box`, `inner` and `view` for `box#3.inner.view`. */
export function segmentsOf(key: PathKey): string[] {
  return key.split(/[.[]/).map(segment => (segment === ']' ? ELEMENT : segment.replace(/#\d+$/, '')));
}

/**
 * What a reference expression is called in a path: the name an identifier or property read ends
 * in, `[]` for an element read, `this` for `this`; undefined for expressions that are no reference.
 * Read off the syntax alone, so that a reference whose last name no tracked key ends in is
 * dismissed before any symbol is looked up.
 */
export function referenceName(ts: typeof TS, expression: TS.Expression): string | undefined {
  const node = skipOuter(ts, expression);
  if (ts.isIdentifier(node)) return node.text;
  if (node.kind === ts.SyntaxKind.ThisKeyword) return 'this';
  if (ts.isPropertyAccessExpression(node)) return node.name.text;
  if (ts.isElementAccessExpression(node)) {
    const argument = skipOuter(ts, node.argumentExpression);
    return ts.isStringLiteralLike(argument) ? argument.text : ELEMENT;
  }
  return undefined;
}

/**
 * Resolves reference expressions to keys. Identifiers go through the checker's symbol (one
 * question each); property and element reads only extend their object's key.
 */
export class PathResolver {
  readonly #ts: typeof TS;
  readonly #checker: TS.TypeChecker;

  constructor(ts: typeof TS, checker: TS.TypeChecker) {
    this.#ts = ts;
    this.#checker = checker;
  }

  keyOf(expression: TS.Expression): PathKey | undefined {
    const ts = this.#ts;
    const node = skipOuter(ts, expression);
    if (ts.isIdentifier(node)) {
      // `{ view }` names the property; the value read is the variable's.
      const shorthand = ts.isShorthandPropertyAssignment(node.parent) && node.parent.name === node;
      const symbol = shorthand
        ? this.#checker.getShorthandAssignmentValueSymbol(node.parent)
        : this.#checker.getSymbolAtLocation(node);
      return symbol === undefined ? undefined : symbolKey(symbol);
    }
    if (node.kind === ts.SyntaxKind.ThisKeyword) return 'this';
    if (ts.isPropertyAccessExpression(node)) {
      const base = this.keyOf(node.expression);
      return base === undefined ? undefined : memberKey(base, node.name.text);
    }
    if (ts.isElementAccessExpression(node)) {
      const base = this.keyOf(node.expression);
      const argument = skipOuter(ts, node.argumentExpression);
      return base === undefined
        ? undefined
        : memberKey(base, ts.isStringLiteralLike(argument) ? argument.text : ELEMENT);
    }
    return undefined;
  }

  /** The key of a declared name (a variable, parameter or binding element). */
  keyOfDeclaration(name: TS.Identifier): PathKey | undefined {
    const symbol = this.#checker.getSymbolAtLocation(name);
    return symbol === undefined ? undefined : symbolKey(symbol);
  }
}
