import type TS from 'typescript';
import { perSourceFile } from '../syntax-cache.js';
import { calledName, skipOuter, walk } from './syntax.js';

/**
 * The calls and `new`s of a file by the name they call (`f` of `f()`, `x.f()` and `new f()`), so
 * that a question about one function's callers reads only the calls that could be its own; one
 * walk per file version.
 */
export function callsByName(ts: typeof TS, sourceFile: TS.SourceFile): ReadonlyMap<string, readonly (TS.CallExpression | TS.NewExpression)[]> {
  return perSourceFile('memsafe/calls-by-name', sourceFile, () => {
    const found = new Map<string, (TS.CallExpression | TS.NewExpression)[]>();
    walk(ts, sourceFile, node => {
      if (!ts.isCallExpression(node) && !ts.isNewExpression(node)) return;
      const name = calledName(ts, node);
      if (name === undefined) return;
      const list = found.get(name);
      if (list === undefined) found.set(name, [node]);
      else list.push(node);
    });
    return found;
  });
}

/**
 * The names of a file's named functions whose text matches `pattern` (in their body, their
 * parameters or their JSDoc), the first gate of a summary that only such a function can have:
 * each match is placed in the tree and every named function around it counts. Cached per file
 * version under `bucket`.
 */
export function namesMentioning(ts: typeof TS, sourceFile: TS.SourceFile, bucket: string, pattern: RegExp): ReadonlySet<string> {
  return perSourceFile(bucket, sourceFile, () => {
    const names = new Set<string>();
    for (const match of sourceFile.text.matchAll(new RegExp(pattern.source, 'g'))) {
      for (let node: TS.Node | undefined = nodeAt(ts, sourceFile, match.index); node !== undefined; node = node.parent) {
        const name = functionName(ts, node);
        if (name !== undefined) names.add(name);
      }
    }
    return names;
  });
}

/** The innermost node whose full text (leading comments included) holds `offset`. */
function nodeAt(ts: typeof TS, sourceFile: TS.SourceFile, offset: number): TS.Node {
  let node: TS.Node = sourceFile;
  for (;;) {
    const inner: TS.Node | undefined = ts.forEachChild(node, child => (child.pos <= offset && offset < child.end ? child : undefined));
    if (inner === undefined) return node;
    node = inner;
  }
}

/** The name of a function-like declaration: a function, a method, or a variable or property holding one. */
export function functionName(ts: typeof TS, node: TS.Node): string | undefined {
  if ((ts.isFunctionDeclaration(node) || ts.isMethodDeclaration(node) || ts.isMethodSignature(node)) && node.name !== undefined && (ts.isIdentifier(node.name) || ts.isPrivateIdentifier(node.name))) return node.name.text;
  if ((ts.isVariableDeclaration(node) || ts.isPropertyAssignment(node) || ts.isPropertyDeclaration(node)) && (ts.isIdentifier(node.name) || ts.isPrivateIdentifier(node.name)) && node.initializer !== undefined) {
    const init = skipOuter(ts, node.initializer);
    if (ts.isArrowFunction(init) || ts.isFunctionExpression(init)) return node.name.text;
  }
  return undefined;
}
