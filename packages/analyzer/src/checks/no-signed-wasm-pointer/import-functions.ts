import type TS from 'typescript';
import { constInitializer } from '../../util/declarations.js';
import { calleeDeclaration, functionOf, returnedValues, type FunctionWithBody } from '../../util/functions.js';
import { dottedName, lastName, nodesOfKinds, skipOuter } from '../../util/syntax.js';

/** How deep an import object is followed through constants, spreads and the functions that return it. */
const IMPORT_SEARCH_DEPTH = 3;
/** A declared type that says "import object": `WebAssembly.Imports` or `WebAssembly.ModuleImports`. */
const IMPORTS_TYPE = /\bWebAssembly\s*\.\s*(?:Module)?Imports\b/;
/** The name MDN's examples and Go's `wasm_exec.js` give an import object. */
const IMPORT_OBJECT_NAME = 'importObject';

/**
 * The functions a file gives a module to import, which WebAssembly calls with its i32 arguments:
 * those of the object passed to `WebAssembly.instantiate`, `instantiateStreaming` or
 * `new WebAssembly.Instance`, of an object declared or returned as `WebAssembly.Imports` or
 * `WebAssembly.ModuleImports`, and of one named `importObject`, one namespace (`env: {…}`) deep,
 * followed through constants, spreads and the functions that return them.
 */
export function importFunctions(
  ts: typeof TS,
  checker: TS.TypeChecker,
  sourceFile: TS.SourceFile,
): ReadonlySet<FunctionWithBody> {
  const objects: TS.Expression[] = [];
  for (const node of nodesOfKinds(ts, sourceFile, [ts.SyntaxKind.CallExpression, ts.SyntaxKind.NewExpression])) {
    const call = node as TS.CallExpression | TS.NewExpression;
    const name = dottedName(ts, call.expression);
    const instantiates = ts.isNewExpression(call)
      ? name === 'WebAssembly.Instance'
      : name === 'WebAssembly.instantiate' || name === 'WebAssembly.instantiateStreaming';
    const imports = call.arguments?.[1];
    if (instantiates && imports !== undefined) objects.push(imports);
  }
  const declarationKinds = [
    ts.SyntaxKind.FunctionDeclaration,
    ts.SyntaxKind.MethodDeclaration,
    ts.SyntaxKind.ArrowFunction,
    ts.SyntaxKind.FunctionExpression,
    ts.SyntaxKind.VariableDeclaration,
    ts.SyntaxKind.PropertyDeclaration,
    ts.SyntaxKind.BinaryExpression,
  ];
  for (const node of nodesOfKinds(ts, sourceFile, declarationKinds)) {
    if (ts.isBinaryExpression(node)) {
      if (node.operatorToken.kind === ts.SyntaxKind.EqualsToken && lastName(ts, node.left) === IMPORT_OBJECT_NAME)
        objects.push(node.right);
      continue;
    }
    const typed =
      (node as TS.HasType).type !== undefined && IMPORTS_TYPE.test((node as TS.HasType).type!.getText(sourceFile));
    if (ts.isVariableDeclaration(node) || ts.isPropertyDeclaration(node)) {
      if (
        node.initializer !== undefined &&
        (typed || (ts.isIdentifier(node.name) && node.name.text === IMPORT_OBJECT_NAME))
      )
        objects.push(node.initializer);
    } else if (typed) {
      const fn = functionOf(ts, node as TS.Declaration);
      if (fn !== undefined) objects.push(...returnedValues(ts, fn));
    }
  }
  const functions = new Set<FunctionWithBody>();
  for (const object of objects) {
    for (const literal of objectLiterals(ts, checker, object, IMPORT_SEARCH_DEPTH))
      collectFunctions(ts, checker, literal, functions, true, IMPORT_SEARCH_DEPTH);
  }
  return functions;
}

/** The object literals an expression stands for: itself, a constant's, or what the function it calls returns. */
function objectLiterals(
  ts: typeof TS,
  checker: TS.TypeChecker,
  expression: TS.Expression,
  depth: number,
): TS.ObjectLiteralExpression[] {
  const node = skipOuter(ts, expression);
  if (ts.isObjectLiteralExpression(node)) return [node];
  if (depth <= 0) return [];
  if (ts.isIdentifier(node)) {
    const init = constInitializer(ts, checker, node);
    return init === undefined ? [] : objectLiterals(ts, checker, init, depth - 1);
  }
  if (!ts.isCallExpression(node)) return [];
  const fn = functionOf(ts, calleeDeclaration(ts, checker, node));
  return fn === undefined ? [] : returnedValues(ts, fn).flatMap(value => objectLiterals(ts, checker, value, depth - 1));
}

/** The functions of an import object: its own members, and with `namespaces`, those of the objects it holds. */
function collectFunctions(
  ts: typeof TS,
  checker: TS.TypeChecker,
  literal: TS.ObjectLiteralExpression,
  into: Set<FunctionWithBody>,
  namespaces: boolean,
  depth: number,
): void {
  for (const property of literal.properties) {
    if (ts.isMethodDeclaration(property)) {
      const fn = functionOf(ts, property);
      if (fn !== undefined) into.add(fn);
      continue;
    }
    if (ts.isSpreadAssignment(property)) {
      for (const spread of objectLiterals(ts, checker, property.expression, depth - 1))
        collectFunctions(ts, checker, spread, into, namespaces, depth - 1);
      continue;
    }
    const value = ts.isPropertyAssignment(property)
      ? skipOuter(ts, property.initializer)
      : ts.isShorthandPropertyAssignment(property)
        ? shorthandValue(ts, checker, property)
        : undefined;
    if (value === undefined) continue;
    const fn =
      ts.isArrowFunction(value) || ts.isFunctionExpression(value)
        ? functionOf(ts, value)
        : ts.isFunctionDeclaration(value)
          ? functionOf(ts, value)
          : ts.isIdentifier(value)
            ? functionOf(ts, checker.getSymbolAtLocation(value)?.valueDeclaration)
            : undefined;
    if (fn !== undefined) into.add(fn);
    else if (namespaces && !ts.isFunctionDeclaration(value))
      for (const nested of objectLiterals(ts, checker, value, depth - 1))
        collectFunctions(ts, checker, nested, into, false, depth - 1);
  }
}

/** What `{ env }` stands for: the function declared as `env`, or the initialiser of the constant `env`. */
function shorthandValue(
  ts: typeof TS,
  checker: TS.TypeChecker,
  property: TS.ShorthandPropertyAssignment,
): TS.Expression | TS.FunctionDeclaration | undefined {
  const declaration = checker.getShorthandAssignmentValueSymbol(property)?.valueDeclaration;
  if (declaration === undefined) return undefined;
  if (ts.isFunctionDeclaration(declaration)) return declaration;
  return ts.isVariableDeclaration(declaration) &&
    declaration.initializer !== undefined &&
    ts.getCombinedNodeFlags(declaration) & ts.NodeFlags.Const
    ? skipOuter(ts, declaration.initializer)
    : undefined;
}
