import type TS from 'typescript';
import type { Effect, FlowDomain, Lookup } from './domain.js';
import { copyState, joinStates, type Entry, type State } from './state.js';

/**
 * Limits past which a function is machine-made (a bundle, a generated parser) and is given up
 * rather than the stack or the clock: nesting depth, and values tracked at once (every growth
 * marks each of them, so their number multiplies the cost of every call).
 */
const MAX_DEPTH = 1000;
const MAX_TRACKED = 1000;

class GiveUp extends Error {}

interface LoopFrame<Info> {
  breaks: State<Info>[];
  continues: State<Info>[];
}

/**
 * A small abstract interpreter over one function body: it follows evaluation order through
 * branches, loops (twice, so that a use in the next iteration sees a call in this one), early
 * exits, switch, try/catch/finally and short-circuit operators, and asks its domain what to track
 * and what invalidates it. Nested functions are not entered: each is interpreted on its own.
 */
export class FlowInterpreter<Info> {
  readonly #ts: typeof TS;
  readonly #checker: TS.TypeChecker;
  readonly #domain: FlowDomain<Info>;
  readonly #loops: LoopFrame<Info>[] = [];
  /** Each stale use is reported once, although loops are walked twice. */
  readonly #reported = new Set<TS.Node>();
  #state: State<Info> = new Map();
  /** Names of tracked variables: an identifier with another name needs no symbol lookup. */
  readonly #names = new Set<string>();
  #depth = 0;
  /** Every effect applied so far, in order: a write's target can be checked against those its right side caused. */
  readonly #effects: Effect<Info>[] = [];
  /** Writes whose target view was read before their right side: effects matter even with nothing tracked. */
  #pendingWrites = 0;

  constructor(ts: typeof TS, checker: TS.TypeChecker, domain: FlowDomain<Info>) {
    this.#ts = ts;
    this.#checker = checker;
    this.#domain = domain;
  }

  /** Interprets `body` from `initial` (tracked variables of enclosing scopes). */
  run(body: TS.Node, initial: ReadonlyMap<TS.Symbol, Entry<Info>>): void {
    this.#state = new Map(initial);
    for (const symbol of initial.keys()) this.#names.add(symbol.getName());
    try {
      if (this.#ts.isBlock(body) || this.#ts.isSourceFile(body)) this.#statements(body.statements);
      else this.#expression(body as TS.Expression);
    } catch (error) {
      if (!(error instanceof GiveUp)) throw error;
    }
  }

  /** Runs one level deeper, giving the function up past MAX_DEPTH. */
  #nested(run: () => void): void {
    if (++this.#depth > MAX_DEPTH) throw new GiveUp();
    try {
      run();
    } finally {
      this.#depth--;
    }
  }

  readonly #lookup: Lookup<Info> = identifier => {
    if (this.#state === null || !this.#names.has(identifier.text)) return undefined;
    const symbol = this.#checker.getSymbolAtLocation(identifier);
    return symbol === undefined ? undefined : this.#state.get(symbol);
  };

  #set(symbol: TS.Symbol | undefined, entry: Entry<Info> | undefined): void {
    if (this.#state === null || symbol === undefined) return;
    if (entry === undefined) {
      this.#state.delete(symbol);
    } else {
      this.#state.set(symbol, entry);
      if (this.#state.size > MAX_TRACKED) throw new GiveUp();
      this.#names.add(symbol.getName());
    }
  }

  #statements(statements: readonly TS.Statement[]): void {
    for (const statement of statements) this.#statement(statement);
  }

  #statement(node: TS.Statement): void {
    this.#nested(() => this.#statementAt(node));
  }

  #statementAt(node: TS.Statement): void {
    const ts = this.#ts;
    if (this.#state === null) return; // unreachable code
    if (ts.isBlock(node)) return this.#statements(node.statements);
    if (ts.isVariableStatement(node)) return this.#declarations(node.declarationList);
    if (ts.isExpressionStatement(node)) return this.#expression(node.expression);
    if (ts.isIfStatement(node)) {
      this.#expression(node.expression);
      const before = copyState(this.#state);
      this.#statement(node.thenStatement);
      const afterThen = this.#state;
      this.#state = before;
      if (node.elseStatement !== undefined) this.#statement(node.elseStatement);
      this.#state = joinStates(afterThen, this.#state);
      return;
    }
    if (ts.isReturnStatement(node) || ts.isThrowStatement(node)) {
      if (node.expression !== undefined) this.#expression(node.expression);
      this.#state = null;
      return;
    }
    if (ts.isBreakStatement(node) || ts.isContinueStatement(node)) {
      const frame = this.#loops[this.#loops.length - 1];
      if (frame !== undefined) (ts.isBreakStatement(node) ? frame.breaks : frame.continues).push(copyState(this.#state));
      this.#state = null;
      return;
    }
    if (ts.isWhileStatement(node)) return this.#loop(() => this.#expression(node.expression), node.statement, undefined, false);
    if (ts.isDoStatement(node)) return this.#loop(() => this.#expression(node.expression), node.statement, undefined, true);
    if (ts.isForStatement(node)) {
      if (node.initializer !== undefined) {
        if (ts.isVariableDeclarationList(node.initializer)) this.#declarations(node.initializer);
        else this.#expression(node.initializer);
      }
      const condition = node.condition;
      const incrementor = node.incrementor;
      return this.#loop(() => condition !== undefined && this.#expression(condition), node.statement, incrementor, false);
    }
    if (ts.isForOfStatement(node) || ts.isForInStatement(node)) {
      this.#expression(node.expression);
      return this.#loop(() => this.#untrackIterationVariable(node.initializer), node.statement, undefined, false);
    }
    if (ts.isSwitchStatement(node)) return this.#switch(node);
    if (ts.isTryStatement(node)) return this.#try(node);
    if (ts.isLabeledStatement(node)) return this.#statement(node.statement);
    if (ts.isExportAssignment(node)) return this.#expression(node.expression);
    // Declarations of functions and classes run nothing now; their bodies are interpreted on their own.
  }

  #declarations(list: TS.VariableDeclarationList): void {
    for (const declaration of list.declarations) {
      if (declaration.initializer === undefined) {
        if (this.#ts.isIdentifier(declaration.name)) this.#set(this.#checker.getSymbolAtLocation(declaration.name), undefined);
        continue;
      }
      this.#expression(declaration.initializer);
      if (this.#ts.isIdentifier(declaration.name)) {
        this.#set(this.#checker.getSymbolAtLocation(declaration.name), this.#valueOf(declaration.initializer));
      }
    }
  }

  /** What a variable assigned `expression` holds: an alias's entry, a newly tracked value, or nothing. */
  #valueOf(expression: TS.Expression): Entry<Info> | undefined {
    let inner = expression;
    while (this.#ts.isParenthesizedExpression(inner) || this.#ts.isAsExpression(inner) || this.#ts.isNonNullExpression(inner)) inner = inner.expression;
    if (this.#ts.isIdentifier(inner)) {
      const entry = this.#lookup(inner);
      if (entry !== undefined) return entry;
    }
    const info = this.#domain.track(inner, this.#lookup);
    return info === undefined ? undefined : { info, stale: null };
  }

  #untrackIterationVariable(initializer: TS.ForInitializer): void {
    if (this.#ts.isVariableDeclarationList(initializer)) {
      for (const declaration of initializer.declarations) {
        if (this.#ts.isIdentifier(declaration.name)) this.#set(this.#checker.getSymbolAtLocation(declaration.name), undefined);
      }
    }
  }

  /**
   * A loop: the body runs twice, the second time from the join of the entry and the first
   * iteration's end, so that what one iteration does reaches the next iteration's uses.
   */
  #loop(head: () => void, body: TS.Statement, incrementor: TS.Expression | undefined, bodyFirst: boolean): void {
    const entry = copyState(this.#state);
    let exits: State<Info>[] = [];
    let current = entry;
    for (let pass = 0; pass < 2; pass++) {
      this.#state = copyState(current);
      const frame: LoopFrame<Info> = { breaks: [], continues: [] };
      this.#loops.push(frame);
      if (!bodyFirst) {
        head();
        exits.push(copyState(this.#state));
      }
      this.#statement(body);
      this.#state = joinStates(this.#state, ...frame.continues);
      if (incrementor !== undefined) this.#expression(incrementor);
      if (bodyFirst) {
        head();
        exits.push(copyState(this.#state));
      }
      this.#loops.pop();
      exits = exits.concat(frame.breaks);
      current = joinStates(entry, this.#state);
    }
    this.#state = joinStates(...exits, bodyFirst ? null : entry);
  }

  #switch(node: TS.SwitchStatement): void {
    this.#expression(node.expression);
    const entry = copyState(this.#state);
    const frame: LoopFrame<Info> = { breaks: [], continues: [] };
    this.#loops.push(frame);
    let fallthrough: State<Info> = null;
    let hasDefault = false;
    for (const clause of node.caseBlock.clauses) {
      if (this.#ts.isDefaultClause(clause)) hasDefault = true;
      this.#state = joinStates(copyState(entry), fallthrough);
      if (this.#ts.isCaseClause(clause)) this.#expression(clause.expression);
      this.#statements(clause.statements);
      fallthrough = this.#state;
    }
    this.#loops.pop();
    // `continue` inside a switch belongs to an enclosing loop.
    const outer = this.#loops[this.#loops.length - 1];
    if (outer !== undefined) outer.continues.push(...frame.continues);
    this.#state = joinStates(fallthrough, ...frame.breaks, hasDefault ? null : entry);
  }

  #try(node: TS.TryStatement): void {
    const entry = copyState(this.#state);
    this.#statement(node.tryBlock);
    const afterTry = this.#state;
    let afterCatch: State<Info> = null;
    if (node.catchClause !== undefined) {
      // The catch block may start from any point of the try block: entry and end bound it.
      this.#state = joinStates(copyState(entry), copyState(afterTry));
      this.#statement(node.catchClause.block);
      afterCatch = this.#state;
    }
    this.#state = joinStates(afterTry, afterCatch);
    if (node.finallyBlock !== undefined) {
      const reachable = this.#state !== null;
      // finally also runs after a return or throw inside try: interpret it from what try could reach.
      if (!reachable) this.#state = joinStates(copyState(entry), afterTry);
      this.#statement(node.finallyBlock);
      if (!reachable) this.#state = null;
    }
  }

  #expression(node: TS.Expression): void {
    this.#nested(() => this.#expressionAt(node));
  }

  #expressionAt(node: TS.Expression): void {
    const ts = this.#ts;
    if (this.#state === null) return;
    if (ts.isIdentifier(node)) return this.#read(node, false);
    if (ts.isFunctionLike(node) || ts.isClassExpression(node)) return; // interpreted on their own
    if (ts.isBinaryExpression(node)) return this.#binary(node);
    if (ts.isConditionalExpression(node)) {
      this.#expression(node.condition);
      const before = copyState(this.#state);
      this.#expression(node.whenTrue);
      const afterTrue = this.#state;
      this.#state = before;
      this.#expression(node.whenFalse);
      this.#state = joinStates(afterTrue, this.#state);
      return;
    }
    if (ts.isCallExpression(node) || ts.isNewExpression(node)) {
      this.#expression(node.expression);
      for (const argument of node.arguments ?? []) this.#expression(argument);
      this.#apply(node);
      return;
    }
    if (ts.isAwaitExpression(node)) {
      this.#expression(node.expression);
      this.#apply(node);
      return;
    }
    if (ts.isPropertyAccessExpression(node)) return this.#expression(node.expression);
    if (ts.isShorthandPropertyAssignment(node)) return this.#read(node.name, false);
    this.#children(node);
  }

  /** Every expression below `node`, in source order, skipping names that are not reads. */
  #children(node: TS.Node): void {
    const ts = this.#ts;
    ts.forEachChild(node, child => {
      if (ts.isTypeNode(child) || ts.isTypeParameterDeclaration(child)) return;
      if (ts.isPropertyAssignment(child)) {
        if (ts.isComputedPropertyName(child.name)) this.#expression(child.name.expression);
        this.#expression(child.initializer);
      } else if (ts.isShorthandPropertyAssignment(child)) {
        this.#read(child.name, false);
      } else if (ts.isSpreadAssignment(child) || ts.isSpreadElement(child) || ts.isTemplateSpan(child) || ts.isJsxExpression(child)) {
        if (child.expression !== undefined) this.#expression(child.expression);
      } else if (ts.isIdentifier(child)) {
        // Identifiers met here are operands (a[i], f`…`); names of members never reach this walk.
        this.#read(child, false);
      } else if (ts.isExpression(child)) {
        this.#expression(child);
      } else if (!ts.isFunctionLike(child) && !ts.isClassLike(child)) {
        this.#children(child);
      }
    });
  }

  #binary(node: TS.BinaryExpression): void {
    const ts = this.#ts;
    const operator = node.operatorToken.kind;
    if (operator === ts.SyntaxKind.AmpersandAmpersandToken || operator === ts.SyntaxKind.BarBarToken || operator === ts.SyntaxKind.QuestionQuestionToken) {
      this.#expression(node.left);
      const skipped = copyState(this.#state);
      this.#expression(node.right);
      this.#state = joinStates(skipped, this.#state);
      return;
    }
    if (operator === ts.SyntaxKind.EqualsToken || (operator >= ts.SyntaxKind.FirstCompoundAssignment && operator <= ts.SyntaxKind.LastCompoundAssignment)) {
      this.#assignment(node, operator === ts.SyntaxKind.EqualsToken);
      return;
    }
    this.#expression(node.left);
    this.#expression(node.right);
  }

  #assignment(node: TS.BinaryExpression, plain: boolean): void {
    const ts = this.#ts;
    const target = node.left;
    if (ts.isIdentifier(target)) {
      if (!plain) this.#read(target, false);
      this.#expression(node.right);
      const symbol = this.#checker.getSymbolAtLocation(target);
      this.#set(symbol, plain ? this.#valueOf(node.right) : undefined);
      return;
    }
    if (ts.isElementAccessExpression(target) || ts.isPropertyAccessExpression(target)) {
      // JS evaluates the target object before the right-hand side: `heap[p] = f()` writes into the
      // view as it was before f() ran.
      const object = target.expression;
      const written = ts.isIdentifier(object) ? this.#lookup(object) : undefined;
      // `Module.HEAP32[p >> 2] = Module._malloc(n)`: a view read afresh, but still before the call.
      const fresh = written === undefined && ts.isPropertyAccessExpression(object) ? this.#domain.track(object, this.#lookup) : undefined;
      const effectsBefore = this.#effects.length;
      if (fresh !== undefined) this.#pendingWrites++;
      try {
        this.#expression(object);
        if (ts.isElementAccessExpression(target)) this.#expression(target.argumentExpression);
        this.#expression(node.right);
      } finally {
        if (fresh !== undefined) this.#pendingWrites--;
      }
      if (written !== undefined && written.stale === null && ts.isIdentifier(object)) {
        const now = this.#lookup(object);
        if (now?.stale != null) this.#report(object, now, true);
      } else if (fresh !== undefined && ts.isPropertyAccessExpression(object) && ts.isIdentifier(object.name)) {
        const effect = this.#effects.slice(effectsBefore).find(candidate => candidate.affects(fresh));
        if (effect !== undefined) this.#report(object.name, { info: fresh, stale: effect.invalidation }, true);
      }
      return;
    }
    this.#expression(target);
    this.#expression(node.right);
  }

  #read(identifier: TS.Identifier, write: boolean): void {
    const entry = this.#lookup(identifier);
    if (entry?.stale != null) this.#report(identifier, entry, write);
  }

  #report(identifier: TS.Identifier, entry: Entry<Info>, write: boolean): void {
    if (this.#reported.has(identifier) || entry.stale === null) return;
    this.#reported.add(identifier);
    this.#domain.report(identifier, entry, entry.stale, write);
  }

  /** Applies what a call, `new` or `await` does: invalidations first, then re-derivations. */
  #apply(node: TS.CallExpression | TS.NewExpression | TS.AwaitExpression): void {
    const state = this.#state;
    // Nothing tracked and no write waiting on its right side: no question for the type checker.
    if (state === null || (state.size === 0 && this.#pendingWrites === 0)) return;
    const effect = this.#domain.effectOf(node, this.#lookup);
    if (effect !== undefined) {
      this.#effects.push(effect);
      for (const [symbol, entry] of state) {
        if (entry.stale === null && effect.affects(entry.info)) state.set(symbol, { info: entry.info, stale: effect.invalidation });
      }
    }
    if (this.#ts.isCallExpression(node) && this.#domain.refreshedBy !== undefined) {
      for (const symbol of this.#domain.refreshedBy(node)) {
        const entry = state.get(symbol);
        if (entry !== undefined) state.set(symbol, { info: entry.info, stale: null });
      }
    }
  }
}
