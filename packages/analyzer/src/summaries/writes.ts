import type TS from 'typescript';
import type { ProgramCache } from '../check.js';
import { calleeDeclaration, classOfThis, functionOf, type FunctionWithBody } from '../util/functions.js';
import { calledName, outerParent, skipOuter, walk } from '../util/syntax.js';

/** A use that writes a value's bytes: the expression that does, and whether the code itself writes or hands the value to a callee that does. */
export interface WritingUse {
  readonly node: TS.Node;
  readonly through: 'self' | 'callee';
}

/** Methods that write the bytes of the typed array or Buffer they are called on. */
const RECEIVER_WRITES =
  /^(?:set|fill|reverse|sort|copyWithin|write|swap(?:16|32|64)|write(?:U?Int|Float|Double|Big)\w*)$/;

/** Calls that write into one of their arguments: by the name they are called by, the argument's index. */
const ARGUMENT_WRITES: Readonly<Record<string, number>> = {
  getRandomValues: 0,
  randomFillSync: 0,
  randomFill: 0,
  // buffer.copy(target, …)
  copy: 0,
  encodeInto: 1,
  readSync: 1,
  read: 1,
  readInto: 0,
};

/**
 * Which code writes the bytes of which values: a write through an index, a writing method, a
 * call that writes into its argument (`crypto.getRandomValues(a)`, `buf.copy(target)`), and —
 * through summaries cached per function — a function that does any of these to its parameter,
 * or a class whose constructor keeps a parameter in a field that one of its methods writes.
 */
export class WritesOracle {
  readonly #ts: typeof TS;
  readonly #checker: TS.TypeChecker;
  readonly #cache: ProgramCache;
  readonly #inProgress = new Set<TS.Node>();

  constructor(ts: typeof TS, checker: TS.TypeChecker, cache: ProgramCache) {
    this.#ts = ts;
    this.#checker = checker;
    this.#cache = cache;
  }

  /**
   * The call that writes through `reference` where it is used, if this use writes its bytes:
   * `r[i] = v`, `r.fill(0)`, `crypto.getRandomValues(r)`, `zero(r)` for a `zero` that writes its
   * parameter, `new Bits(r)` for a class that keeps `r` and writes it.
   */
  writingUse(reference: TS.Expression): WritingUse | undefined {
    const ts = this.#ts;
    const { parent, child } = outerParent(ts, reference);
    if (ts.isElementAccessExpression(parent) && parent.expression === child) {
      const { parent: outer, child: target } = outerParent(ts, parent);
      if (ts.isBinaryExpression(outer) && outer.left === target && isAssignment(ts, outer.operatorToken.kind))
        return { node: outer, through: 'self' };
      if (
        (ts.isPrefixUnaryExpression(outer) || ts.isPostfixUnaryExpression(outer)) &&
        (outer.operator === ts.SyntaxKind.PlusPlusToken || outer.operator === ts.SyntaxKind.MinusMinusToken)
      ) {
        return { node: outer, through: 'self' };
      }
      return undefined;
    }
    if (
      ts.isPropertyAccessExpression(parent) &&
      parent.expression === child &&
      RECEIVER_WRITES.test(parent.name.text)
    ) {
      return ts.isCallExpression(parent.parent) && parent.parent.expression === parent
        ? { node: parent.parent, through: 'self' }
        : undefined;
    }
    if ((ts.isCallExpression(parent) || ts.isNewExpression(parent)) && parent.expression !== child) {
      const args: readonly TS.Expression[] = parent.arguments ?? [];
      const index = args.indexOf(child as TS.Expression);
      return index >= 0 && this.writesArgument(parent, index) ? { node: parent, through: 'callee' } : undefined;
    }
    return undefined;
  }

  /** Whether `call` writes the bytes of its argument `index`. */
  writesArgument(call: TS.CallExpression | TS.NewExpression, index: number): boolean {
    const ts = this.#ts;
    const name = calledName(ts, call);
    if (ts.isCallExpression(call) && name !== undefined && ARGUMENT_WRITES[name] === index) return true;
    const declaration = ts.isNewExpression(call)
      ? this.#constructorOf(call)
      : calleeDeclaration(ts, this.#checker, call);
    const fn = functionOf(ts, declaration);
    return fn !== undefined && this.writtenParameters(fn).has(index);
  }

  #constructorOf(call: TS.NewExpression): TS.Declaration | undefined {
    const ts = this.#ts;
    const symbol = this.#checker.getSymbolAtLocation(skipOuter(ts, call.expression));
    const resolved =
      symbol !== undefined && symbol.flags & ts.SymbolFlags.Alias ? this.#checker.getAliasedSymbol(symbol) : symbol;
    const declaration = resolved?.valueDeclaration;
    if (declaration === undefined || !ts.isClassLike(declaration)) return undefined;
    return declaration.members.find(member => ts.isConstructorDeclaration(member) && member.body !== undefined);
  }

  /** The parameters a function writes (a constructor: also those it keeps in a field its class writes); cached. */
  writtenParameters(fn: FunctionWithBody): ReadonlySet<number> {
    return this.#cache.get('memsafe/written-parameters', fn, () => {
      if (this.#inProgress.has(fn)) return new Set<number>();
      this.#inProgress.add(fn);
      try {
        const ts = this.#ts;
        const written = new Set<number>();
        fn.parameters.forEach((parameter, index) => {
          if (!ts.isIdentifier(parameter.name)) return;
          const symbol = this.#checker.getSymbolAtLocation(parameter.name);
          if (symbol !== undefined && this.#writesVariable(fn.body, parameter.name.text, symbol)) written.add(index);
          else if (ts.isConstructorDeclaration(fn) && this.#keptAndWritten(fn, parameter, symbol)) written.add(index);
        });
        return written;
      } finally {
        this.#inProgress.delete(fn);
      }
    });
  }

  /** Whether `scope` writes the bytes of the variable `name` (bound to `symbol`). */
  #writesVariable(scope: TS.Node, name: string, symbol: TS.Symbol | undefined): boolean {
    const ts = this.#ts;
    let found = false;
    walk(ts, scope, node => {
      if (found) return false;
      if (
        ts.isIdentifier(node) &&
        node.text === name &&
        this.writingUse(node) !== undefined &&
        this.#checker.getSymbolAtLocation(node) === symbol
      )
        found = true;
      return !found;
    });
    return found;
  }

  /** `constructor(bytes) { this.bits = bytes }` or `constructor(readonly bits)`, and some method writes `this.bits`. */
  #keptAndWritten(
    ctor: TS.ConstructorDeclaration,
    parameter: TS.ParameterDeclaration,
    symbol: TS.Symbol | undefined,
  ): boolean {
    const ts = this.#ts;
    const owner = ctor.parent;
    if (!ts.isIdentifier(parameter.name)) return false;
    const fields = new Set<string>();
    if (ts.isParameterPropertyDeclaration(parameter, ctor)) fields.add(parameter.name.text);
    const name = parameter.name.text;
    walk(ts, ctor.body!, node => {
      if (!ts.isBinaryExpression(node) || node.operatorToken.kind !== ts.SyntaxKind.EqualsToken) return;
      const left = skipOuter(ts, node.left);
      const right = skipOuter(ts, node.right);
      if (
        ts.isPropertyAccessExpression(left) &&
        left.expression.kind === ts.SyntaxKind.ThisKeyword &&
        ts.isIdentifier(right) &&
        right.text === name &&
        this.#checker.getSymbolAtLocation(right) === symbol
      ) {
        fields.add(left.name.text);
      }
    });
    return fields.size > 0 && [...fields].some(field => this.writesField(owner, field));
  }

  /** Whether some code of `owner` writes the bytes of `this.<field>`. */
  writesField(owner: TS.ClassLikeDeclaration, field: string): boolean {
    const ts = this.#ts;
    let found = false;
    walk(ts, owner, node => {
      if (found) return false;
      if (
        ts.isPropertyAccessExpression(node) &&
        node.name.text === field &&
        node.expression.kind === ts.SyntaxKind.ThisKeyword &&
        classOfThis(ts, node) === owner &&
        this.writingUse(node) !== undefined
      )
        found = true;
      return !found;
    });
    return found;
  }
}

function isAssignment(ts: typeof TS, operator: TS.SyntaxKind): boolean {
  return (
    operator === ts.SyntaxKind.EqualsToken ||
    (operator >= ts.SyntaxKind.FirstCompoundAssignment && operator <= ts.SyntaxKind.LastCompoundAssignment)
  );
}
