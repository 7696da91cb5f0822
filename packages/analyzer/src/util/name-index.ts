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

/** A function a call can reach by name, where its text lies, and the names its own body calls. */
export interface NamedFunction {
  readonly name: string;
  readonly pos: number;
  readonly end: number;
  readonly calls: readonly string[];
}

/** The named functions of a file, each with the names its body calls; one walk per file version. */
export function namedFunctions(ts: typeof TS, sourceFile: TS.SourceFile): readonly NamedFunction[] {
  return perSourceFile('memsafe/named-functions', sourceFile, () => {
    const found: { name: string; pos: number; end: number; calls: Set<string> }[] = [];
    const open: (typeof found)[number][] = [];
    walk(ts, sourceFile, node => {
      while (open.length > 0 && node.pos >= open[open.length - 1]!.end) open.pop();
      const name = functionName(ts, node);
      if (name !== undefined) {
        const entry = { name, pos: node.pos, end: node.end, calls: new Set<string>() };
        found.push(entry);
        open.push(entry);
      } else if (ts.isCallExpression(node)) {
        const called = calledName(ts, node);
        // A call counts for every named function it sits in.
        if (called !== undefined) for (const entry of open) entry.calls.add(called);
      }
    });
    return found.map(({ name, pos, end, calls }) => ({ name, pos, end, calls: [...calls] }));
  });
}

/**
 * The names of a file's named functions whose text matches `pattern`, the first gate of a
 * summary that only such a function can have; cached per file version under `bucket`.
 */
export function namesMentioning(ts: typeof TS, sourceFile: TS.SourceFile, bucket: string, pattern: RegExp): ReadonlySet<string> {
  return perSourceFile(bucket, sourceFile, () => {
    const names = new Set<string>();
    if (!pattern.test(sourceFile.text)) return names;
    for (const entry of namedFunctions(ts, sourceFile)) if (pattern.test(sourceFile.text.slice(entry.pos, entry.end))) names.add(entry.name);
    return names;
  });
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
