import type TS from 'typescript';

/** The variable, or the field of `this`, that `expression` names (`ptr`, `this.view`): undefined for anything else. */
export function variableOrField(
  ts: typeof TS,
  checker: TS.TypeChecker,
  expression: TS.Expression,
): TS.Symbol | undefined {
  if (ts.isIdentifier(expression)) return checker.getSymbolAtLocation(expression);
  return ts.isPropertyAccessExpression(expression) && expression.expression.kind === ts.SyntaxKind.ThisKeyword
    ? checker.getSymbolAtLocation(expression.name)
    : undefined;
}

/** The initialiser of a `const` the identifier names; undefined for anything that can be reassigned. */
export function constInitializer(
  ts: typeof TS,
  checker: TS.TypeChecker,
  identifier: TS.Identifier,
): TS.Expression | undefined {
  const declaration = checker.getSymbolAtLocation(identifier)?.valueDeclaration;
  if (declaration === undefined || !ts.isVariableDeclaration(declaration) || declaration.initializer === undefined)
    return undefined;
  return ts.getCombinedNodeFlags(declaration) & ts.NodeFlags.Const ? declaration.initializer : undefined;
}
