import type TS from 'typescript';

/** The initialiser of a `const` the identifier names; undefined for anything that can be reassigned. */
export function constInitializer(ts: typeof TS, checker: TS.TypeChecker, identifier: TS.Identifier): TS.Expression | undefined {
  const declaration = checker.getSymbolAtLocation(identifier)?.valueDeclaration;
  if (declaration === undefined || !ts.isVariableDeclaration(declaration) || declaration.initializer === undefined) return undefined;
  return ts.getCombinedNodeFlags(declaration) & ts.NodeFlags.Const ? declaration.initializer : undefined;
}
