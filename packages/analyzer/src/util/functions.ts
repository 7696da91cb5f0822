import { posix } from 'node:path';
import type TS from 'typescript';
import { position } from '../finding.js';
import { typeOf } from '../types/classify.js';
import { skipOuter, walk } from './syntax.js';

export type FunctionWithBody = TS.FunctionLikeDeclaration & { readonly body: TS.ConciseBody };

/** The declaration a call goes to, when the checker can resolve it: through imports, aliases and `const f = () => …`. */
export function calleeDeclaration(
  ts: typeof TS,
  checker: TS.TypeChecker,
  call: TS.CallExpression,
): TS.Declaration | undefined {
  const callee = skipOuter(ts, call.expression);
  // A method is looked up on the declared type of its object: resolving `obj.m` through the
  // checker would narrow `obj` by flow analysis, quadratic over a long function.
  // A private name (`this.#send`) is no property name the type can be asked by.
  let symbol =
    ts.isPropertyAccessExpression(callee) && !ts.isPrivateIdentifier(callee.name)
      ? checker
          .getApparentType(checker.getNonNullableType(typeOf(ts, checker, callee.expression)))
          .getProperty(callee.name.text)
      : checker.getSymbolAtLocation(ts.isPropertyAccessExpression(callee) ? callee.name : callee);
  if (symbol !== undefined && symbol.flags & ts.SymbolFlags.Alias) symbol = checker.getAliasedSymbol(symbol);
  return symbol?.valueDeclaration ?? symbol?.declarations?.[0];
}

/** The function a declaration stands for: itself, or the function a variable is initialised with. */
export function functionOf(ts: typeof TS, declaration: TS.Declaration | undefined): FunctionWithBody | undefined {
  if (declaration === undefined) return undefined;
  if (ts.isFunctionLike(declaration) && 'body' in declaration && declaration.body !== undefined)
    return declaration as FunctionWithBody;
  if (ts.isVariableDeclaration(declaration) && declaration.initializer !== undefined) {
    const init = declaration.initializer;
    if ((ts.isArrowFunction(init) || ts.isFunctionExpression(init)) && init.body !== undefined) return init;
  }
  return undefined;
}

/**
 * Every call in a function's own body, not in functions nested inside it; with `callbacks`, also
 * those in function expressions it hands to a call (`new Promise(resolve => …)`, `list.forEach(…)`,
 * `p.then(…)`), which run as part of what the function does, now or later.
 */
export function ownCalls(ts: typeof TS, fn: TS.Node, callbacks = false): TS.CallExpression[] {
  const calls: TS.CallExpression[] = [];
  walk(ts, fn, node => {
    if (ts.isClassLike(node)) return false;
    if (ts.isFunctionLike(node))
      return (
        callbacks &&
        (ts.isArrowFunction(node) || ts.isFunctionExpression(node)) &&
        (ts.isCallExpression(node.parent) || ts.isNewExpression(node.parent))
      );
    if (ts.isCallExpression(node)) calls.push(node);
    return true;
  });
  return calls;
}

/** A short, readable name for what is called: `exports.malloc(…)`, `grow()`. */
export function callName(ts: typeof TS, call: TS.CallExpression | TS.NewExpression, sourceFile: TS.SourceFile): string {
  return `\`${callText(call, sourceFile)}\``;
}

/** A call as a message shows it: its callee, then `(…)` where it has arguments. */
export function callText(call: TS.CallExpression | TS.NewExpression, sourceFile: TS.SourceFile): string {
  const text = call.expression.getText(sourceFile);
  const short = text.length > 40 ? `${text.slice(0, 37)}…` : text;
  return `${short}(${(call.arguments?.length ?? 0) > 0 ? '…' : ''})`;
}

export function lineOf(node: TS.Node): number {
  const sourceFile = node.getSourceFile();
  return position(sourceFile, node.getStart(sourceFile)).line;
}

/**
 * Where `node` is, as a message says it from `from`: `line 12` in that file, `loader.ts:12` beside it,
 * `../wasm/src/index.ts:4` elsewhere (a bare name would be ambiguous where packages share file names).
 */
export function whereIs(node: TS.Node, from: TS.SourceFile): string {
  const file = node.getSourceFile();
  if (file === from) return `line ${lineOf(node)}`;
  return `${posix.relative(posix.dirname(from.fileName), file.fileName)}:${lineOf(node)}`;
}

/**
 * The class whose instance `this` is at `node`: the class of the nearest constructor, method,
 * accessor or field initializer around it, through arrow functions, which keep their `this`.
 * Undefined inside a plain function, where `this` is something else.
 */
export function classOfThis(ts: typeof TS, node: TS.Node): TS.ClassLikeDeclaration | undefined {
  for (let current: TS.Node | undefined = node; current !== undefined; current = current.parent) {
    if (ts.isArrowFunction(current)) continue;
    if (
      ts.isConstructorDeclaration(current) ||
      ts.isMethodDeclaration(current) ||
      ts.isGetAccessorDeclaration(current) ||
      ts.isSetAccessorDeclaration(current) ||
      ts.isPropertyDeclaration(current)
    ) {
      return ts.isClassLike(current.parent) ? current.parent : undefined;
    }
    if (ts.isFunctionLike(current) || ts.isClassStaticBlockDeclaration(current) || ts.isSourceFile(current))
      return undefined;
  }
  return undefined;
}

/**
 * The functions a method call may run when its callee is declared only by a signature (an
 * interface's method): `utils.allocate(n)` where `utils` is a `const` given object literals,
 * directly, through other constants and imports, or in either branch of a conditional
 * (`const utils: Utils = hasBuffer ? nodeUtils : webUtils`). Undefined when any of them cannot be seen.
 */
export function implementationsOf(
  ts: typeof TS,
  checker: TS.TypeChecker,
  call: TS.CallExpression,
): FunctionWithBody[] | undefined {
  const callee = skipOuter(ts, call.expression);
  if (!ts.isPropertyAccessExpression(callee) || ts.isPrivateIdentifier(callee.name)) return undefined;
  const name = callee.name.text;
  const found: FunctionWithBody[] = [];
  const visit = (expression: TS.Expression, depth: number): boolean => {
    const node = skipOuter(ts, expression);
    if (depth > MAX_INDIRECTIONS) return false;
    if (ts.isConditionalExpression(node)) return visit(node.whenTrue, depth + 1) && visit(node.whenFalse, depth + 1);
    if (ts.isIdentifier(node)) {
      const value = constValue(ts, checker, node);
      return value !== undefined && visit(value, depth + 1);
    }
    if (!ts.isObjectLiteralExpression(node)) return false;
    const property = node.properties.find(p => p.name !== undefined && ts.isIdentifier(p.name) && p.name.text === name);
    const fn =
      property === undefined
        ? undefined
        : ts.isMethodDeclaration(property)
          ? functionOf(ts, property)
          : ts.isPropertyAssignment(property) &&
              (ts.isArrowFunction(property.initializer) || ts.isFunctionExpression(property.initializer))
            ? property.initializer
            : undefined;
    if (fn === undefined) return false;
    found.push(fn);
    return true;
  };
  return visit(callee.expression, 0) && found.length > 0 ? found : undefined;
}

/** Past this many constants and conditionals between a call and an object literal, no implementation is looked for. */
const MAX_INDIRECTIONS = 4;

/** The initializer of the `const` an identifier names, through an import. */
function constValue(ts: typeof TS, checker: TS.TypeChecker, identifier: TS.Identifier): TS.Expression | undefined {
  let symbol = checker.getSymbolAtLocation(identifier);
  if (symbol !== undefined && symbol.flags & ts.SymbolFlags.Alias) symbol = checker.getAliasedSymbol(symbol);
  const declaration = symbol?.valueDeclaration;
  if (declaration === undefined || !ts.isVariableDeclaration(declaration) || declaration.initializer === undefined)
    return undefined;
  return ts.getCombinedNodeFlags(declaration) & ts.NodeFlags.Const ? declaration.initializer : undefined;
}

/** What a function's `return` statements (or its expression body) give back. */
export function returnedValues(ts: typeof TS, fn: FunctionWithBody): TS.Expression[] {
  if (!ts.isBlock(fn.body)) return [fn.body];
  const returns: TS.Expression[] = [];
  walk(ts, fn.body, node => {
    if (ts.isFunctionLike(node)) return false;
    if (ts.isReturnStatement(node) && node.expression !== undefined) returns.push(node.expression);
    return true;
  });
  return returns;
}
