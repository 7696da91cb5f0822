import type TS from 'typescript';
import { walk } from '../util/syntax.js';

/**
 * A `const` of a function that no function inside it names and that no `return` of it mentions:
 * its value never leaves the function that makes it, where the flow analysis follows it, so it is
 * no kept view. Glue makes one in every function (`const heap = new Uint8Array(memory.buffer)`);
 * tracking each would ask the type checker about every function on every edit. Syntax alone, with
 * the places a name could escape to listed once per function.
 */
export function isUnsharedLocalConst(
  ts: typeof TS,
  sourceFile: TS.SourceFile,
  declaration: TS.VariableDeclaration & { readonly name: TS.Identifier },
  escapes: Map<TS.Node, readonly TS.Node[]>,
): boolean {
  const list = declaration.parent;
  if (!ts.isVariableDeclarationList(list) || (list.flags & ts.NodeFlags.Const) === 0) return false;
  const owner = ts.findAncestor(list, node => ts.isFunctionLike(node) || ts.isSourceFile(node));
  if (owner === undefined || ts.isSourceFile(owner)) return false;
  let places = escapes.get(owner);
  if (places === undefined) {
    places = escapeRoutes(ts, owner);
    escapes.set(owner, places);
  }
  const name = declaration.name.text;
  return !places.some(place => mentions(sourceFile.text, place.pos, place.end, name));
}

/** The functions nested in `fn` and its own `return` statements: where a local's value can leave it. */
function escapeRoutes(ts: typeof TS, fn: TS.Node): readonly TS.Node[] {
  const routes: TS.Node[] = [];
  walk(ts, fn, node => {
    if (ts.isFunctionLike(node) || ts.isClassLike(node) || ts.isReturnStatement(node)) {
      routes.push(node);
      return false;
    }
    return undefined;
  });
  return routes;
}

/**
 * Whether `name` occurs in `text` between `start` and `end` as a whole identifier: no character that
 * can continue a name on either side.
 */
function mentions(text: string, start: number, end: number, name: string): boolean {
  const partOfName = (at: number) =>
    at >= 0 && at < text.length && IDENTIFIER_PART.test(String.fromCodePoint(text.codePointAt(at)!));
  for (let at = text.indexOf(name, start); at !== -1 && at + name.length <= end; at = text.indexOf(name, at + 1)) {
    if (!partOfName(at - 1) && !partOfName(at + name.length)) return true;
  }
  return false;
}

/**
 * What may continue an identifier, as ECMAScript says: Unicode's ID_Continue, `$`, and the two
 * joiners. Read here rather than from `ts`, whose TypeScript 7 facade has no scanner helpers.
 */
const IDENTIFIER_PART = /^[\p{ID_Continue}$\u200C\u200D]$/u;
