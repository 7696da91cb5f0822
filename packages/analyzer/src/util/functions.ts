import type TS from 'typescript';
import { position } from '../finding.js';
import { typeOf } from '../types/classify.js';
import { skipOuter, walk } from './syntax.js';

export type FunctionWithBody = TS.FunctionLikeDeclaration & { readonly body: TS.ConciseBody };

/** The declaration a call goes to, when the checker can resolve it: through imports, aliases and `const f = () => …`. */
export function calleeDeclaration(ts: typeof TS, checker: TS.TypeChecker, call: TS.CallExpression): TS.Declaration | undefined {
  const callee = skipOuter(ts, call.expression);
  // A method is looked up on the declared type of its object: resolving `obj.m` through the
  // checker would narrow `obj` by flow analysis, quadratic over a long function.
  // A private name (`this.#send`) is no property name the type can be asked by.
  let symbol = ts.isPropertyAccessExpression(callee) && !ts.isPrivateIdentifier(callee.name)
    ? checker.getApparentType(checker.getNonNullableType(typeOf(ts, checker, callee.expression))).getProperty(callee.name.text)
    : checker.getSymbolAtLocation(ts.isPropertyAccessExpression(callee) ? callee.name : callee);
  if (symbol !== undefined && symbol.flags & ts.SymbolFlags.Alias) symbol = checker.getAliasedSymbol(symbol);
  return symbol?.valueDeclaration ?? symbol?.declarations?.[0];
}

/** The function a declaration stands for: itself, or the function a variable is initialised with. */
export function functionOf(ts: typeof TS, declaration: TS.Declaration | undefined): FunctionWithBody | undefined {
  if (declaration === undefined) return undefined;
  if (ts.isFunctionLike(declaration) && 'body' in declaration && declaration.body !== undefined) return declaration as FunctionWithBody;
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
    if (ts.isFunctionLike(node)) return callbacks && (ts.isArrowFunction(node) || ts.isFunctionExpression(node)) && (ts.isCallExpression(node.parent) || ts.isNewExpression(node.parent));
    if (ts.isCallExpression(node)) calls.push(node);
    return true;
  });
  return calls;
}

/** A short, readable name for what is called: `exports.malloc(…)`, `grow()`. */
export function callName(ts: typeof TS, call: TS.CallExpression | TS.NewExpression, sourceFile: TS.SourceFile): string {
  const callee = call.expression;
  const text = callee.getText(sourceFile);
  const short = text.length > 40 ? `${text.slice(0, 37)}…` : text;
  return `\`${short}(${(call.arguments?.length ?? 0) > 0 ? '…' : ''})\``;
}

export function lineOf(node: TS.Node): number {
  const sourceFile = node.getSourceFile();
  return position(sourceFile, node.getStart(sourceFile)).line;
}

/**
 * The class whose instance `this` is at `node`: the class of the nearest constructor, method,
 * accessor or field initializer around it, through arrow functions, which keep their `this`.
 * Undefined inside a plain function, where `this` is something else.
 */
export function classOfThis(ts: typeof TS, node: TS.Node): TS.ClassLikeDeclaration | undefined {
  for (let current: TS.Node | undefined = node; current !== undefined; current = current.parent) {
    if (ts.isArrowFunction(current)) continue;
    if (ts.isConstructorDeclaration(current) || ts.isMethodDeclaration(current) || ts.isGetAccessorDeclaration(current) || ts.isSetAccessorDeclaration(current) || ts.isPropertyDeclaration(current)) {
      return ts.isClassLike(current.parent) ? current.parent : undefined;
    }
    if (ts.isFunctionLike(current) || ts.isClassStaticBlockDeclaration(current) || ts.isSourceFile(current)) return undefined;
  }
  return undefined;
}
