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

/** Whether `name` occurs in `text` between `start` and `end` as a whole identifier. */
function mentions(text: string, start: number, end: number, name: string): boolean {
  for (let at = text.indexOf(name, start); at !== -1 && at + name.length <= end; at = text.indexOf(name, at + 1)) {
    if (!isIdentifierChar(text.charCodeAt(at - 1)) && !isIdentifierChar(text.charCodeAt(at + name.length))) return true;
  }
  return false;
}

/** ASCII letters, digits, `_` and `$`, and anything beyond ASCII (which may be part of a name): conservative. */
function isIdentifierChar(code: number): boolean {
  return (
    (code >= 48 && code <= 57) ||
    (code >= 65 && code <= 90) ||
    (code >= 97 && code <= 122) ||
    code === 95 ||
    code === 36 ||
    code > 127
  );
}
