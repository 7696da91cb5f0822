import type TS from 'typescript';
import type { ProgramCache } from '../check.js';
import { typeOf } from '../types/classify.js';
import { calleeDeclaration, functionOf, returnedValues, type FunctionWithBody } from '../util/functions.js';
import { callsNamed, functionName } from '../util/name-index.js';
import { outerParent, skipOuter, walk } from '../util/syntax.js';

/** Where a value is kept beyond the code that has it: the store, and the object that keeps it. */
export interface Keeper {
  readonly site: TS.Node;
  /** How the code names the holder: `this.files`, `Cache`. */
  readonly holder: string;
  /** The call the value came back from, when the function called keeps what it returns. */
  readonly through?: TS.CallExpression;
}

/** Calls that put their argument into a collection. */
const ADDERS: ReadonlySet<string> = new Set(['push', 'unshift', 'add', 'set', 'put']);
/** Past this many variables, object literals and returns followed, nothing is known to be kept. */
const MAX_DEPTH = 4;

/**
 * Whether a value is also kept by something that outlives the code at hand, so that transferring
 * it detaches what the holder hands out next: put into a field's or a module's collection
 * (`this.files.push(file)`, `Cache.add(url, buffer)`), assigned to a member of such an object, or
 * obtained from a function that keeps what it returns (a cache's `load`, a `get` on a module's
 * map). A collection or object local to the function is no holder: it dies with the call.
 */
export class RetentionOracle {
  readonly #ts: typeof TS;
  readonly #checker: TS.TypeChecker;
  readonly #program: TS.Program;
  readonly #cache: ProgramCache;

  constructor(ts: typeof TS, checker: TS.TypeChecker, program: TS.Program, cache: ProgramCache) {
    this.#ts = ts;
    this.#checker = checker;
    this.#program = program;
    this.#cache = cache;
  }

  /** Who else keeps the value of `expression`, if anyone. */
  keeperOf(expression: TS.Expression, depth = 0): Keeper | undefined {
    const ts = this.#ts;
    let node = skipOuter(ts, expression);
    if (ts.isAwaitExpression(node)) node = skipOuter(ts, node.expression);
    if (depth > MAX_DEPTH) return undefined;
    if (ts.isCallExpression(node)) return this.#fromCall(node, depth);
    if (!ts.isIdentifier(node)) return undefined;
    const symbol = this.#checker.getSymbolAtLocation(node);
    const declaration = symbol?.valueDeclaration;
    if (
      symbol === undefined ||
      declaration === undefined ||
      !(ts.isVariableDeclaration(declaration) || ts.isParameter(declaration))
    )
      return undefined;
    const scope = ts.findAncestor(declaration.parent, n => ts.isFunctionLike(n) || ts.isSourceFile(n));
    const stored = scope === undefined ? undefined : this.#storedIn(scope, symbol, depth);
    if (stored !== undefined) return stored;
    return ts.isVariableDeclaration(declaration) && declaration.initializer !== undefined && isConst(ts, declaration)
      ? this.keeperOf(declaration.initializer, depth + 1)
      : undefined;
  }

  /**
   * Who keeps what the callers of `fn` pass for its parameter `index`: the first call in the
   * program whose argument is kept, with the call.
   */
  keptArgument(
    fn: FunctionWithBody,
    index: number,
  ): { readonly call: TS.CallExpression; readonly keeper: Keeper } | undefined {
    const ts = this.#ts;
    const name = functionName(ts, fn) ?? functionName(ts, fn.parent);
    if (name === undefined) return undefined;
    for (const call of callsNamed(ts, this.#program, name)) {
      if (!ts.isCallExpression(call) || call.arguments[index] === undefined) continue;
      if (functionOf(ts, calleeDeclaration(ts, this.#checker, call)) !== fn) continue;
      const keeper = this.keeperOf(call.arguments[index]);
      if (keeper !== undefined) return { call, keeper };
    }
    return undefined;
  }

  /** `cache.get(key)` on a holder, or a function of the program that keeps what it returns. */
  #fromCall(call: TS.CallExpression, depth: number): Keeper | undefined {
    const ts = this.#ts;
    const callee = skipOuter(ts, call.expression);
    if (
      ts.isPropertyAccessExpression(callee) &&
      callee.name.text === 'get' &&
      this.#outlives(callee.expression, call)
    ) {
      return { site: call, holder: callee.expression.getText() };
    }
    const fn = functionOf(ts, calleeDeclaration(ts, this.#checker, call));
    if (fn === undefined) return undefined;
    const kept = this.#cache.get('memsafe/returns-kept', fn, () => {
      for (const value of returnedValues(ts, fn)) {
        const keeper = this.keeperOf(value, depth + 1);
        if (keeper !== undefined) return keeper;
      }
      return null;
    });
    return kept === null ? undefined : { ...kept, through: call };
  }

  /** A store of `symbol`'s value, in `scope`, into a holder that outlives the call. */
  #storedIn(scope: TS.Node, symbol: TS.Symbol, depth: number): Keeper | undefined {
    const ts = this.#ts;
    const name = symbol.getName();
    let found: Keeper | undefined;
    walk(ts, scope, node => {
      if (found !== undefined) return false;
      if (!ts.isIdentifier(node) || node.text !== name) return;
      // `{ data }` names the property; the variable it reads is the shorthand's value symbol.
      const read =
        ts.isShorthandPropertyAssignment(node.parent) && node.parent.name === node
          ? this.#checker.getShorthandAssignmentValueSymbol(node.parent)
          : this.#checker.getSymbolAtLocation(node);
      if (read !== symbol) return;
      found = this.#storeOf(node, depth);
    });
    return found;
  }

  /** Whether `value` (an occurrence) goes into a holder that outlives its function, directly or inside a literal. */
  #storeOf(value: TS.Expression, depth: number): Keeper | undefined {
    const ts = this.#ts;
    const { parent, child } = outerParent(ts, value);
    if (ts.isCallExpression(parent) && parent.arguments.includes(child as TS.Expression)) {
      const callee = skipOuter(ts, parent.expression);
      if (
        !ts.isPropertyAccessExpression(callee) ||
        !ADDERS.has(callee.name.text) ||
        !this.#outlives(callee.expression, parent)
      )
        return undefined;
      // `map.set(key, value)` keeps the value; a key, or anything in a weak collection, is only an identity.
      if (callee.name.text === 'set' && parent.arguments.indexOf(child as TS.Expression) === 0) return undefined;
      if (/^Weak/.test(typeOf(ts, this.#checker, callee.expression).getSymbol()?.getName() ?? '')) return undefined;
      return { site: parent, holder: callee.expression.getText() };
    }
    if (
      ts.isBinaryExpression(parent) &&
      parent.right === child &&
      parent.operatorToken.kind === ts.SyntaxKind.EqualsToken
    ) {
      const target = skipOuter(ts, parent.left);
      if (
        (ts.isPropertyAccessExpression(target) || ts.isElementAccessExpression(target)) &&
        this.#outlives(target.expression, parent)
      )
        return { site: parent, holder: target.expression.getText() };
      return undefined;
    }
    // `{ name, data }` or `[data]`: kept when the literal is, directly or through the const it initialises.
    const literal =
      ts.isShorthandPropertyAssignment(parent) || ts.isPropertyAssignment(parent)
        ? parent.parent
        : ts.isArrayLiteralExpression(parent)
          ? parent
          : undefined;
    if (literal === undefined || depth >= MAX_DEPTH) return undefined;
    const direct = this.#storeOf(literal, depth + 1);
    if (direct !== undefined) return direct;
    const { parent: holder } = outerParent(ts, literal);
    if (!ts.isVariableDeclaration(holder) || !ts.isIdentifier(holder.name) || !isConst(ts, holder)) return undefined;
    const symbol = this.#checker.getSymbolAtLocation(holder.name);
    const scope = ts.findAncestor(holder.parent, n => ts.isFunctionLike(n) || ts.isSourceFile(n));
    return symbol === undefined || scope === undefined ? undefined : this.#storedIn(scope, symbol, depth + 1);
  }

  /** Whether `object` lives beyond the function around `at`: `this`, or a variable declared outside it. */
  #outlives(object: TS.Expression, at: TS.Node): boolean {
    const ts = this.#ts;
    let root = skipOuter(ts, object);
    while (ts.isPropertyAccessExpression(root) || ts.isElementAccessExpression(root))
      root = skipOuter(ts, root.expression);
    if (root.kind === ts.SyntaxKind.ThisKeyword) return true;
    if (!ts.isIdentifier(root)) return false;
    const declaration = this.#checker.getSymbolAtLocation(root)?.valueDeclaration;
    if (declaration === undefined) return false;
    const fn = ts.findAncestor(at, n => ts.isFunctionLike(n));
    return fn === undefined ? false : declaration.pos < fn.pos || declaration.end > fn.end;
  }
}

function isConst(ts: typeof TS, declaration: TS.VariableDeclaration): boolean {
  return (ts.getCombinedNodeFlags(declaration) & ts.NodeFlags.Const) !== 0;
}
