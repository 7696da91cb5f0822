import type TS from 'typescript';
import { perSourceFile } from '../syntax-cache.js';
import { calledName, nodesOfKinds, skipOuter } from './syntax.js';

/**
 * The calls and `new`s of a file by the name they call (`f` of `f()`, `x.f()` and `new f()`), so
 * that a question about one function's callers reads only the calls that could be its own; one
 * walk per file version.
 */
export function callsByName(
  ts: typeof TS,
  sourceFile: TS.SourceFile,
): ReadonlyMap<string, readonly (TS.CallExpression | TS.NewExpression)[]> {
  return perSourceFile('memsafe/calls-by-name', sourceFile, () => {
    const found = new Map<string, (TS.CallExpression | TS.NewExpression)[]>();
    for (const node of nodesOfKinds(ts, sourceFile, [
      ts.SyntaxKind.CallExpression,
      ts.SyntaxKind.NewExpression,
    ]) as readonly (TS.CallExpression | TS.NewExpression)[]) {
      const name = calledName(ts, node);
      if (name === undefined) continue;
      const list = found.get(name);
      if (list === undefined) found.set(name, [node]);
      else list.push(node);
    }
    return found;
  });
}

/**
 * The identifiers of a file named `name`, in source order, inside `within` when given: the
 * candidates for the uses of one variable, found without walking its scope again for each
 * question; one walk per file version. The range is found by bisection: a name used in every
 * function of a large file would make a scan per declaration quadratic.
 */
export function identifiersNamed(
  ts: typeof TS,
  sourceFile: TS.SourceFile,
  name: string,
  within?: { readonly pos: number; readonly end: number },
): readonly TS.Identifier[] {
  const byName = perSourceFile('memsafe/identifiers-by-name', sourceFile, () => {
    const found = new Map<string, TS.Identifier[]>();
    for (const node of nodesOfKinds(ts, sourceFile, [ts.SyntaxKind.Identifier]) as readonly TS.Identifier[]) {
      const list = found.get(node.text);
      if (list === undefined) found.set(node.text, [node]);
      else list.push(node);
    }
    return found;
  });
  const all = byName.get(name) ?? [];
  if (within === undefined) return all;
  let low = 0;
  let high = all.length;
  while (low < high) {
    const middle = (low + high) >>> 1;
    if (all[middle]!.pos < within.pos) low = middle + 1;
    else high = middle;
  }
  // Identifiers do not nest: in source order, their ends rise with their starts.
  let past = low;
  while (past < all.length && all[past]!.end <= within.end) past++;
  return all.slice(low, past);
}

/** The other references to the variable `name` declares, inside `scope`, in source order. */
export function referencesIn(
  ts: typeof TS,
  checker: TS.TypeChecker,
  name: TS.Identifier,
  scope: TS.Node,
): TS.Identifier[] {
  const symbol = checker.getSymbolAtLocation(name);
  if (symbol === undefined) return [];
  return identifiersNamed(ts, name.getSourceFile(), name.text, scope).filter(
    node => node !== name && checker.getSymbolAtLocation(node) === symbol,
  );
}

/** The calls and `new`s named `name` in the program's own files; each file read once per version. */
export function callsNamed(
  ts: typeof TS,
  program: TS.Program,
  name: string,
): readonly (TS.CallExpression | TS.NewExpression)[] {
  const found: (TS.CallExpression | TS.NewExpression)[] = [];
  for (const sourceFile of program.getSourceFiles()) {
    if (sourceFile.isDeclarationFile || program.isSourceFileFromExternalLibrary(sourceFile)) continue;
    found.push(...(callsByName(ts, sourceFile).get(name) ?? []));
  }
  return found;
}

/**
 * The names of a file's named functions whose text matches `pattern` (in their body, their
 * parameters or their JSDoc), the first gate of a summary that only such a function can have:
 * each match is placed in the tree and every named function around it counts. Cached per file
 * version under `bucket`.
 */
export function namesMentioning(
  ts: typeof TS,
  sourceFile: TS.SourceFile,
  bucket: string,
  pattern: RegExp,
): ReadonlySet<string> {
  return perSourceFile(bucket, sourceFile, () => {
    const names = new Set<string>();
    for (const match of sourceFile.text.matchAll(new RegExp(pattern.source, 'g'))) {
      for (
        let node: TS.Node | undefined = nodeAt(ts, sourceFile, match.index);
        node !== undefined;
        node = node.parent
      ) {
        const name = functionName(ts, node);
        if (name !== undefined) names.add(name);
      }
    }
    return names;
  });
}

/**
 * The function types a file's functions around `pattern`'s matches are declared to return or to be
 * (`function scanner(): Scanner { return buffer => … }`, `const scan: Scanner = …`), by name: the
 * types whose values may do what the pattern finds. Cached per file version under `bucket`.
 */
export function functionTypesMentioning(
  ts: typeof TS,
  sourceFile: TS.SourceFile,
  bucket: string,
  pattern: RegExp,
): ReadonlySet<string> {
  return perSourceFile(bucket, sourceFile, () => {
    const names = new Set<string>();
    for (const match of sourceFile.text.matchAll(new RegExp(pattern.source, 'g'))) {
      for (
        let node: TS.Node | undefined = nodeAt(ts, sourceFile, match.index);
        node !== undefined;
        node = node.parent
      ) {
        const declared = ts.isFunctionLike(node)
          ? node.type
          : ts.isVariableDeclaration(node) &&
              node.initializer !== undefined &&
              isFunctionExpression(ts, node.initializer)
            ? node.type
            : undefined;
        const name = declared === undefined ? undefined : namedTypeReference(ts, declared)?.typeName.text;
        if (name !== undefined) names.add(name);
      }
    }
    return names;
  });
}

/**
 * The names that a file declares with type `typeName` (`scan: Scanner | null`, `let scan: Scanner`,
 * a field `scan?: Scanner`), found from the type's mentions; cached per file version.
 */
export function namesTyped(ts: typeof TS, sourceFile: TS.SourceFile, typeName: string): ReadonlySet<string> {
  const byType = perSourceFile('memsafe/names-by-type', sourceFile, () => new Map<string, ReadonlySet<string>>());
  let names = byType.get(typeName);
  if (names === undefined) {
    const found = new Set<string>();
    for (const match of sourceFile.text.matchAll(new RegExp(`\\b${typeName.replaceAll('$', '\\$')}\\b`, 'g'))) {
      let node: TS.Node | undefined = nodeAt(ts, sourceFile, match.index);
      while (
        node !== undefined &&
        (ts.isIdentifier(node) ||
          ts.isTypeReferenceNode(node) ||
          ts.isUnionTypeNode(node) ||
          ts.isParenthesizedTypeNode(node))
      )
        node = node.parent;
      if (
        node !== undefined &&
        (ts.isParameter(node) ||
          ts.isVariableDeclaration(node) ||
          ts.isPropertyDeclaration(node) ||
          ts.isPropertySignature(node)) &&
        ts.isIdentifier(node.name)
      ) {
        if (node.type !== undefined && match.index >= node.type.pos && match.index < node.type.end)
          found.add(node.name.text);
      }
    }
    byType.set(typeName, (names = found));
  }
  return names;
}

/** `Scanner` of `Scanner`, `Scanner | null` and `(Scanner)`: the one named type a declaration's type stands for. */
export function namedTypeReference(
  ts: typeof TS,
  type: TS.TypeNode,
): (TS.TypeReferenceNode & { readonly typeName: TS.Identifier }) | undefined {
  if (ts.isParenthesizedTypeNode(type)) return namedTypeReference(ts, type.type);
  if (ts.isUnionTypeNode(type)) {
    const named = type.types.filter(
      member =>
        !(
          member.kind === ts.SyntaxKind.NullKeyword ||
          member.kind === ts.SyntaxKind.UndefinedKeyword ||
          (ts.isLiteralTypeNode(member) && member.literal.kind === ts.SyntaxKind.NullKeyword)
        ),
    );
    return named.length === 1 ? namedTypeReference(ts, named[0]!) : undefined;
  }
  return ts.isTypeReferenceNode(type) && ts.isIdentifier(type.typeName) && type.typeArguments === undefined
    ? (type as TS.TypeReferenceNode & { readonly typeName: TS.Identifier })
    : undefined;
}

function isFunctionExpression(ts: typeof TS, expression: TS.Expression): boolean {
  const node = skipOuter(ts, expression);
  return ts.isArrowFunction(node) || ts.isFunctionExpression(node);
}

/** The innermost node whose full text (leading comments included) holds `offset`. */
export function nodeAt(ts: typeof TS, sourceFile: TS.SourceFile, offset: number): TS.Node {
  let node: TS.Node = sourceFile;
  for (;;) {
    const inner: TS.Node | undefined = ts.forEachChild(node, child =>
      child.pos <= offset && offset < child.end ? child : undefined,
    );
    if (inner === undefined) return node;
    node = inner;
  }
}

/** The name of a function-like declaration: a function, a method, or a variable or property holding one. */
export function functionName(ts: typeof TS, node: TS.Node): string | undefined {
  if (
    (ts.isFunctionDeclaration(node) || ts.isMethodDeclaration(node) || ts.isMethodSignature(node)) &&
    node.name !== undefined &&
    (ts.isIdentifier(node.name) || ts.isPrivateIdentifier(node.name))
  )
    return node.name.text;
  if (
    (ts.isVariableDeclaration(node) || ts.isPropertyAssignment(node) || ts.isPropertyDeclaration(node)) &&
    (ts.isIdentifier(node.name) || ts.isPrivateIdentifier(node.name)) &&
    node.initializer !== undefined
  ) {
    const init = skipOuter(ts, node.initializer);
    if (ts.isArrowFunction(init) || ts.isFunctionExpression(init)) return node.name.text;
  }
  return undefined;
}
