import type TS from 'typescript';
import { isLivenessCheck, provenLive } from '../util/liveness.js';
import { skipOuter } from '../util/syntax.js';
import { callbackTiming, isFunctionExpression, isHandlerProperty, type FunctionExpression } from './callbacks.js';
import type { Effect, FlowDomain, Lookup } from './domain.js';
import {
  ELEMENT,
  isUnder,
  lastSegment,
  memberKey,
  PathResolver,
  referenceName,
  segmentsOf,
  type PathKey,
} from './paths.js';
import { joinStates, killPath, sameState, type Entry, type Invalidation, type State } from './state.js';

/**
 * Limits past which a function is machine-made (a bundle, a generated parser) and is given up
 * rather than the stack or the clock: nesting depth, and values tracked at once (every growth
 * marks each of them, so their number multiplies the cost of every call).
 */
export const MAX_DEPTH = 1000;
export const MAX_TRACKED = 1000;
/**
 * Passes over one loop before its state must have stopped changing. Each key can only go
 * untracked → fresh → stale, so a loop settles in a few passes; the bound is a guard, not a knob.
 */
const MAX_LOOP_PASSES = 8;

class GiveUp extends Error {}

/** `{…}` or `[…]`, whose members may be tracked values under the key they are assigned to. */
function isObjectLiteral(ts: typeof TS, expression: TS.Expression): boolean {
  const node = skipOuter(ts, expression);
  return ts.isObjectLiteralExpression(node) || ts.isArrayLiteralExpression(node);
}

/** Whether `next` is the invalidation to report rather than `current`: the first one the code itself causes. */
function isReplaceable(current: Invalidation | null, next: Invalidation): boolean {
  if (current === null || current.between === true) return true;
  return current.whileWaiting === true && next.whileWaiting !== true && next.between !== true;
}

/** The references a returned value hands to the caller: itself, or the members of an object or array literal. */
function handedOut(ts: typeof TS, expression: TS.Expression): TS.Expression[] {
  const node = skipOuter(ts, expression);
  if (ts.isConditionalExpression(node)) return [...handedOut(ts, node.whenTrue), ...handedOut(ts, node.whenFalse)];
  if (ts.isArrayLiteralExpression(node))
    return node.elements.flatMap(element => (ts.isSpreadElement(element) ? [] : handedOut(ts, element)));
  if (ts.isObjectLiteralExpression(node)) {
    return node.properties.flatMap(property =>
      ts.isShorthandPropertyAssignment(property)
        ? [property.name]
        : ts.isPropertyAssignment(property)
          ? handedOut(ts, property.initializer)
          : [],
    );
  }
  return ts.isIdentifier(node) || ts.isPropertyAccessExpression(node) || ts.isElementAccessExpression(node)
    ? [node]
    : [];
}

interface LoopFrame<Info> {
  breaks: State<Info>[];
  continues: State<Info>[];
}

/** What an interpretation shares with the interpretations of the callbacks it defers. */
interface Shared {
  /** Each stale use is reported once, however many passes or callbacks reach it. */
  readonly reported: Set<TS.Node>;
  /** Nested functions interpreted as part of an enclosing body: their own runs would repeat it. */
  readonly inlined: Set<TS.Node>;
}

/** Methods that put their arguments into the collection they are called on. */
const ADDERS: ReadonlySet<string> = new Set(['push', 'unshift', 'add', 'set', 'splice', 'fill']);
/** Methods that return an element of the collection they are called on. */
const GETTERS: ReadonlySet<string> = new Set(['get', 'at', 'pop', 'shift', 'find', 'findLast']);

/**
 * A small abstract interpreter over one function body. It follows evaluation order through
 * branches, loops (to a fixed point), early exits, switch, try/catch/finally and short-circuit
 * operators, keeps what it knows per access path (`view`, `this.view`, `state.heap`, the elements
 * of `views`), and asks its domain what to track and what invalidates it. A function expression
 * passed to code that runs it at once (`forEach`, `new Promise`) is interpreted where it is called;
 * one that runs later (`then`, a timer, an event handler) is interpreted after the body, from what
 * the body may have done by then. Other nested functions are interpreted on their own.
 */
export class FlowInterpreter<Info> {
  readonly #ts: typeof TS;
  readonly #checker: TS.TypeChecker;
  readonly #domain: FlowDomain<Info>;
  readonly #paths: PathResolver;
  readonly #shared: Shared;
  readonly #loops: LoopFrame<Info>[] = [];
  #state: State<Info> = new Map();
  /**
   * The one state map this interpretation may change in place. Snapshots share maps (`if` keeps
   * the state before its branch, loops keep their entry), so a map is copied only when it is
   * written while shared: most branches write nothing, and a long function costs its length.
   */
  #owned: Map<PathKey, Entry<Info>> | null = null;
  /** The last segments of tracked keys: a reference ending in another name needs no symbol lookup. */
  readonly #names = new Set<string>();
  /** Every segment of tracked keys: an assignment to a name none has cannot kill one. */
  readonly #segments = new Set<string>();
  #depth = 0;
  /** Every effect applied so far, in order: a write's target can be checked against those its right side caused. */
  readonly #effects: Effect<Info>[] = [];
  /** Writes whose target view was read before their right side: effects matter even with nothing tracked. */
  #pendingWrites = 0;
  /** States at `return`: with the state at the end, what the body may have done when it is left. */
  readonly #returns: State<Info>[] = [];
  /** The `return` statements with a value met so far, with the state each returns in. */
  readonly #returned: { readonly statement: TS.ReturnStatement; readonly state: State<Info> }[] = [];
  /** Callbacks that run after the body, with the states they were registered in. */
  readonly #deferred = new Map<FunctionExpression, State<Info>>();
  /** For each enclosing try block, the states after its calls: where a throw would leave it. */
  readonly #throwPoints: State<Info>[][] = [];
  /** The invalidation last reported for each key. */
  readonly #said = new Map<PathKey, Invalidation>();
  /** The invalidation last reported for each tracked value, whatever path it was read through. */
  readonly #saidOfValue = new Map<Info, Invalidation>();
  /** Per loop, the entry state of its last interpretation and the exit state it gave. */
  readonly #loopMemo = new Map<TS.Node, { entry: State<Info>; exit: State<Info> }>();

  constructor(
    ts: typeof TS,
    checker: TS.TypeChecker,
    domain: FlowDomain<Info>,
    shared: Shared = { reported: new Set(), inlined: new Set() },
  ) {
    this.#ts = ts;
    this.#checker = checker;
    this.#domain = domain;
    this.#paths = new PathResolver(ts, checker);
    this.#shared = shared;
  }

  /** Nested functions this interpretation covered; the caller need not interpret them again. */
  get inlined(): ReadonlySet<TS.Node> {
    return this.#shared.inlined;
  }

  /**
   * Interprets `body` from `initial` (what enclosing scopes hold: module variables, fields of
   * `this`, parameters), then the callbacks it deferred. Returns false when the body was given
   * up past the limits.
   */
  run(body: TS.Node, initial: ReadonlyMap<PathKey, Entry<Info>>): boolean {
    this.#state = new Map(initial);
    for (const key of initial.keys()) this.#remember(key);
    try {
      if (this.#ts.isBlock(body) || this.#ts.isSourceFile(body)) this.#statements(body.statements);
      else this.#expression(body as TS.Expression);
    } catch (error) {
      if (!(error instanceof GiveUp)) throw error;
      return false;
    }
    const exit = joinStates(this.#state, ...this.#returns);
    let complete = true;
    for (const [callback, registered] of this.#deferred) {
      const joined = joinStates(registered, exit);
      if (joined === null) continue;
      const state = new Map(joined);
      for (const [key, entry] of state) {
        const between = entry.stale === null ? this.#domain.laterEntry?.(entry.info) : undefined;
        if (between !== undefined) state.set(key, { info: entry.info, stale: between });
      }
      complete =
        new FlowInterpreter(this.#ts, this.#checker, this.#domain, this.#shared).run(callback.body, state) && complete;
    }
    return complete;
  }

  /** The current state, now shared: it will be copied before the next write. */
  #snapshot(): State<Info> {
    this.#owned = null;
    return this.#state;
  }

  /** The current state, made safe to write in place. */
  #writable(): Map<PathKey, Entry<Info>> | null {
    if (this.#state === null) return null;
    if (this.#owned !== this.#state) {
      this.#state = new Map(this.#state);
      this.#owned = this.#state;
    }
    return this.#state;
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

  #keyOf(reference: TS.Expression): PathKey | undefined {
    return this.#paths.keyOf(reference);
  }

  readonly #lookup: Lookup<Info> = reference => {
    if (this.#state === null) return undefined;
    const name = referenceName(this.#ts, reference);
    if (name === undefined || !this.#names.has(name)) return undefined;
    const key = this.#keyOf(reference);
    return key === undefined ? undefined : this.#state.get(key);
  };

  #set(key: PathKey | undefined, entry: Entry<Info> | undefined): void {
    if (this.#state === null || key === undefined) return;
    if (entry === undefined && !this.#holdsUnder(key)) return;
    killPath(this.#writable()!, key);
    if (entry !== undefined) this.#add(key, entry);
  }

  /** Whether the state holds `key` or a path under it: else there is nothing to forget. */
  #holdsUnder(key: PathKey): boolean {
    if (this.#state === null) return false;
    if (this.#state.has(key)) return true;
    for (const other of this.#state.keys()) if (isUnder(other, key)) return true;
    return false;
  }

  /** Adds an entry without forgetting what lies under its key: an element joins its collection. */
  #add(key: PathKey, entry: Entry<Info>): void {
    if (this.#state === null) return;
    const existing = this.#state.get(key);
    if (existing !== undefined && existing.stale !== null && entry.stale === null && key.endsWith(ELEMENT)) return;
    if (existing === entry) return;
    const state = this.#writable()!;
    state.set(key, entry);
    if (state.size > MAX_TRACKED) throw new GiveUp();
    this.#remember(key);
  }

  #remember(key: PathKey): void {
    this.#names.add(lastSegment(key));
    for (const segment of segmentsOf(key)) this.#segments.add(segment);
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
    if (ts.isBlock(node)) {
      this.#statements(node.statements);
      this.#forgetScope(node);
      return;
    }
    if (ts.isVariableStatement(node)) return this.#declarations(node.declarationList);
    if (ts.isExpressionStatement(node)) return this.#expression(node.expression);
    if (ts.isIfStatement(node)) {
      this.#expression(node.expression);
      const before = this.#snapshot();
      this.#refine(node.expression, true);
      this.#statement(node.thenStatement);
      const afterThen = this.#snapshot();
      this.#state = before;
      this.#refine(node.expression, false);
      if (node.elseStatement !== undefined) this.#statement(node.elseStatement);
      this.#state = joinStates(afterThen, this.#state);
      return;
    }
    if (ts.isReturnStatement(node) || ts.isThrowStatement(node)) {
      if (node.expression !== undefined) this.#expression(node.expression);
      if (ts.isReturnStatement(node)) {
        const state = this.#snapshot();
        this.#returns.push(state);
        if (node.expression !== undefined) this.#returned.push({ statement: node, state });
      }
      this.#state = null;
      return;
    }
    if (ts.isBreakStatement(node) || ts.isContinueStatement(node)) {
      const frame = this.#loops[this.#loops.length - 1];
      if (frame !== undefined) (ts.isBreakStatement(node) ? frame.breaks : frame.continues).push(this.#snapshot());
      this.#state = null;
      return;
    }
    if (ts.isWhileStatement(node))
      return this.#loop(
        node,
        () => this.#expression(node.expression),
        () => this.#statement(node.statement),
        false,
      );
    if (ts.isDoStatement(node))
      return this.#loop(
        node,
        () => this.#expression(node.expression),
        () => this.#statement(node.statement),
        true,
      );
    if (ts.isForStatement(node)) {
      if (node.initializer !== undefined) {
        if (ts.isVariableDeclarationList(node.initializer)) this.#declarations(node.initializer);
        else this.#expression(node.initializer);
      }
      const { condition, incrementor } = node;
      return this.#loop(
        node,
        () => condition !== undefined && this.#expression(condition),
        () => this.#statement(node.statement),
        false,
        incrementor,
      );
    }
    if (ts.isForOfStatement(node) || ts.isForInStatement(node)) {
      this.#expression(node.expression);
      const element = ts.isForOfStatement(node) ? this.#elementOf(node.expression) : undefined;
      return this.#loop(
        node,
        () => this.#bindIterationVariable(node.initializer, element),
        () => this.#statement(node.statement),
        false,
      );
    }
    if (ts.isSwitchStatement(node)) return this.#switch(node);
    if (ts.isTryStatement(node)) return this.#try(node);
    if (ts.isLabeledStatement(node)) return this.#statement(node.statement);
    if (ts.isExportAssignment(node)) return this.#expression(node.expression);
    // Declarations of functions and classes run nothing now; their bodies are interpreted on their own.
  }

  /**
   * At the end of a block, its `let` and `const` variables are gone: what they held is forgotten,
   * so that the state stays as small as the scopes around the code being read.
   */
  #forgetScope(block: TS.Block): void {
    const ts = this.#ts;
    if (this.#state === null || this.#state.size === 0) return;
    for (const statement of block.statements) {
      if (
        !ts.isVariableStatement(statement) ||
        !(statement.declarationList.flags & (ts.NodeFlags.Let | ts.NodeFlags.Const))
      )
        continue;
      for (const declaration of statement.declarationList.declarations) {
        if (ts.isIdentifier(declaration.name) && this.#segments.has(declaration.name.text))
          this.#set(this.#paths.keyOfDeclaration(declaration.name), undefined);
      }
    }
  }

  #declarations(list: TS.VariableDeclarationList): void {
    const ts = this.#ts;
    for (const declaration of list.declarations) {
      const name = declaration.name;
      if (declaration.initializer === undefined) {
        if (ts.isIdentifier(name)) this.#set(this.#paths.keyOfDeclaration(name), undefined);
        continue;
      }
      // `const view = this.view` copies a reference and touches no byte: not a use of it.
      if (this.#lookup(skipOuter(ts, declaration.initializer)) === undefined) this.#expression(declaration.initializer);
      if (!ts.isIdentifier(name)) {
        this.#destructure(name, declaration.initializer);
        continue;
      }
      const value = this.#valueOf(declaration.initializer);
      // A new name that gets no tracked value has nothing to forget: no symbol to look up.
      if (value !== undefined || this.#segments.has(name.text) || isObjectLiteral(ts, declaration.initializer)) {
        const key = this.#paths.keyOfDeclaration(name);
        this.#set(key, value);
        if (key !== undefined) this.#members(key, declaration.initializer);
      }
    }
  }

  /** `{ view: v, heap }` or `[v, w]` assigned to `key`: each tracked member value at `key.member`, `key[]`. */
  #members(key: PathKey, value: TS.Expression): void {
    const ts = this.#ts;
    const literal = skipOuter(ts, value);
    if (ts.isArrayLiteralExpression(literal)) {
      const element = memberKey(key, ELEMENT);
      for (const item of literal.elements) {
        const entry =
          element === undefined || ts.isSpreadElement(item) || ts.isOmittedExpression(item)
            ? undefined
            : this.#valueOf(item);
        if (entry !== undefined) this.#add(element!, entry);
      }
      return;
    }
    if (!ts.isObjectLiteralExpression(literal)) return;
    for (const property of literal.properties) {
      const member = ts.isPropertyAssignment(property)
        ? property.initializer
        : ts.isShorthandPropertyAssignment(property)
          ? property.name
          : undefined;
      if (
        member === undefined ||
        property.name === undefined ||
        !(ts.isIdentifier(property.name) || ts.isStringLiteral(property.name))
      )
        continue;
      const entry = this.#valueOf(member);
      const memberPath = entry === undefined ? undefined : memberKey(key, property.name.text);
      if (memberPath !== undefined) this.#add(memberPath, entry!);
    }
  }

  /** `const { HEAPU8, HEAP32: h32 } = Module`, `const [first] = views`: each binding gets its member's value. */
  #destructure(pattern: TS.BindingName, source: TS.Expression): void {
    const ts = this.#ts;
    if (ts.isIdentifier(pattern)) return;
    const sourceKey = this.#state === null ? undefined : this.#referenceKey(source);
    for (const element of pattern.elements) {
      if (ts.isOmittedExpression(element) || !ts.isIdentifier(element.name)) continue;
      const key = this.#paths.keyOfDeclaration(element.name);
      let member: string | undefined;
      if (ts.isArrayBindingPattern(pattern)) member = ELEMENT;
      else if (element.propertyName === undefined) member = element.name.text;
      else if (ts.isIdentifier(element.propertyName) || ts.isStringLiteral(element.propertyName))
        member = element.propertyName.text;
      if (member === undefined || element.dotDotDotToken !== undefined) {
        this.#set(key, undefined);
        continue;
      }
      const memberPath = sourceKey === undefined ? undefined : memberKey(sourceKey, member);
      const existing = memberPath === undefined ? undefined : this.#state?.get(memberPath);
      const info =
        existing === undefined && member !== ELEMENT
          ? this.#domain.trackMember?.(source, member, element, this.#lookup)
          : undefined;
      this.#set(key, existing ?? (info === undefined ? undefined : { info, stale: null }));
    }
  }

  /** The key of `expression` when it is a reference whose name some tracked key could extend. */
  #referenceKey(expression: TS.Expression): PathKey | undefined {
    return referenceName(this.#ts, expression) === undefined ? undefined : this.#keyOf(expression);
  }

  /** What a reference assigned `expression` holds: an alias's entry, a newly tracked value, or nothing. */
  #valueOf(expression: TS.Expression): Entry<Info> | undefined {
    const ts = this.#ts;
    const inner = skipOuter(ts, expression);
    const alias = this.#lookup(inner);
    if (alias !== undefined) return alias;
    if (ts.isConditionalExpression(inner)) return this.#either(inner.whenTrue, inner.whenFalse);
    if (ts.isBinaryExpression(inner)) {
      const operator = inner.operatorToken.kind;
      if (operator === ts.SyntaxKind.EqualsToken) return this.#valueOf(inner.right);
      if (operator === ts.SyntaxKind.BarBarToken || operator === ts.SyntaxKind.QuestionQuestionToken)
        return this.#either(inner.left, inner.right);
    }
    if (ts.isCallExpression(inner)) {
      const callee = skipOuter(ts, inner.expression);
      if (ts.isPropertyAccessExpression(callee) && GETTERS.has(callee.name.text)) {
        const element = this.#elementOf(callee.expression);
        if (element !== undefined) return element;
      }
    }
    const info = this.#domain.track(inner, this.#lookup);
    return info === undefined ? undefined : { info, stale: null };
  }

  #either(a: TS.Expression, b: TS.Expression): Entry<Info> | undefined {
    const left = this.#valueOf(a);
    const right = this.#valueOf(b);
    if (left === undefined || right === undefined) return left ?? right;
    return left.stale !== null ? left : right;
  }

  /** The entry every element of a collection shares, when its key is tracked. */
  #elementOf(collection: TS.Expression): Entry<Info> | undefined {
    if (this.#state === null || !this.#names.has(ELEMENT)) return undefined;
    const key = this.#referenceKey(collection);
    const element = key === undefined ? undefined : memberKey(key, ELEMENT);
    return element === undefined ? undefined : this.#state.get(element);
  }

  #bindIterationVariable(initializer: TS.ForInitializer, element: Entry<Info> | undefined): void {
    if (!this.#ts.isVariableDeclarationList(initializer)) return;
    for (const declaration of initializer.declarations) {
      const name = declaration.name;
      if (this.#ts.isIdentifier(name) && (element !== undefined || this.#names.has(name.text)))
        this.#set(this.#paths.keyOfDeclaration(name), element);
    }
  }

  /**
   * A loop, interpreted until the state at its head stops changing: each pass starts from the
   * join of the entry and the previous pass's end, so that what one iteration does reaches the
   * next iteration's uses. A loop met again with the same entry state (a nested loop on the
   * outer loop's next pass) gives the same exit without a walk, so nests cost linear time.
   */
  #loop(node: TS.Node, head: () => void, body: () => void, bodyFirst: boolean, incrementor?: TS.Expression): void {
    const entry = this.#snapshot();
    const memo = this.#loopMemo.get(node);
    if (memo !== undefined && sameState(memo.entry, entry)) {
      this.#state = memo.exit;
      return;
    }
    let start = entry;
    let exits: State<Info>[] = [];
    for (let pass = 0; pass < MAX_LOOP_PASSES; pass++) {
      this.#state = start;
      exits = [];
      const frame: LoopFrame<Info> = { breaks: [], continues: [] };
      this.#loops.push(frame);
      if (!bodyFirst) {
        head();
        exits.push(this.#snapshot());
      }
      body();
      this.#state = joinStates(this.#state, ...frame.continues);
      if (incrementor !== undefined) this.#expression(incrementor);
      if (bodyFirst) {
        head();
        exits.push(this.#snapshot());
      }
      this.#loops.pop();
      exits.push(...frame.breaks);
      const next = joinStates(entry, this.#snapshot());
      if (sameState(next, start)) break;
      start = next;
    }
    const exit = joinStates(...exits);
    this.#loopMemo.set(node, { entry, exit: exit });
    this.#state = exit;
  }

  #switch(node: TS.SwitchStatement): void {
    this.#expression(node.expression);
    const entry = this.#snapshot();
    const frame: LoopFrame<Info> = { breaks: [], continues: [] };
    this.#loops.push(frame);
    let fallthrough: State<Info> = null;
    let hasDefault = false;
    for (const clause of node.caseBlock.clauses) {
      if (this.#ts.isDefaultClause(clause)) hasDefault = true;
      this.#state = joinStates(entry, fallthrough);
      if (this.#ts.isCaseClause(clause)) this.#expression(clause.expression);
      this.#statements(clause.statements);
      fallthrough = this.#snapshot();
    }
    this.#loops.pop();
    // `continue` inside a switch belongs to an enclosing loop.
    const outer = this.#loops[this.#loops.length - 1];
    if (outer !== undefined) outer.continues.push(...frame.continues);
    this.#state = joinStates(fallthrough, ...frame.breaks, hasDefault ? null : entry);
  }

  #try(node: TS.TryStatement): void {
    const entry = this.#snapshot();
    const returnedBefore = this.#returned.length;
    // The catch block may start wherever a call in the try block throws: after the call's effect,
    // when the call failed late (a transfer made, then a rejection).
    const throwPoints: State<Info>[] = [];
    this.#throwPoints.push(throwPoints);
    try {
      this.#statement(node.tryBlock);
    } finally {
      this.#throwPoints.pop();
    }
    const afterTry = this.#snapshot();
    let afterCatch: State<Info> = null;
    if (node.catchClause !== undefined) {
      this.#state = joinStates(entry, afterTry, ...throwPoints);
      this.#statement(node.catchClause.block);
      afterCatch = this.#snapshot();
    }
    this.#state = joinStates(afterTry, afterCatch);
    if (node.finallyBlock !== undefined) {
      this.#finallyAfterReturns(node.finallyBlock, this.#returned.slice(returnedBefore));
      const reachable = this.#state !== null;
      // finally also runs after a return or throw inside try: interpret it from what try could reach.
      if (!reachable) this.#state = joinStates(entry, afterTry);
      this.#statement(node.finallyBlock);
      if (!reachable) this.#state = null;
    }
  }

  /**
   * `finally` runs after a `return` in its try block has computed its value, before the caller
   * gets it: what the return hands out (`return view`, `return { data }`) must survive the
   * finally block. Interpreted from the returns' states, then put back: those paths end there. A
   * finally that returns or breaks itself ends with no state, and the value never reaches a caller.
   */
  #finallyAfterReturns(
    finallyBlock: TS.Block,
    returned: readonly { readonly statement: TS.ReturnStatement; readonly state: State<Info> }[],
  ): void {
    const ts = this.#ts;
    if (returned.length === 0) return;
    const resume = this.#snapshot();
    this.#state = joinStates(...returned.map(({ state }) => state));
    this.#statement(finallyBlock);
    for (const { statement } of returned) {
      for (const reference of handedOut(ts, statement.expression!)) {
        const entry = this.#lookup(reference);
        const site = entry?.stale?.site;
        if (site !== undefined && site.pos >= finallyBlock.pos && site.end <= finallyBlock.end)
          this.#report(reference, entry!, false);
      }
    }
    this.#state = resume;
    this.#owned = null;
  }

  #expression(node: TS.Expression): void {
    this.#nested(() => this.#expressionAt(node));
  }

  #expressionAt(node: TS.Expression): void {
    const ts = this.#ts;
    if (this.#state === null) return;
    if (ts.isIdentifier(node)) return this.#read(node, false);
    if (ts.isFunctionLike(node) || ts.isClassExpression(node)) return; // interpreted on their own, or as callbacks
    if (ts.isBinaryExpression(node)) return this.#binary(node);
    if (ts.isConditionalExpression(node)) {
      this.#expression(node.condition);
      const before = this.#snapshot();
      this.#refine(node.condition, true);
      this.#expression(node.whenTrue);
      const afterTrue = this.#snapshot();
      this.#state = before;
      this.#refine(node.condition, false);
      this.#expression(node.whenFalse);
      this.#state = joinStates(afterTrue, this.#state);
      return;
    }
    if (ts.isCallExpression(node) || ts.isNewExpression(node)) return this.#call(node);
    if (ts.isAwaitExpression(node)) {
      this.#expression(node.expression);
      this.#apply(node);
      return;
    }
    if (ts.isPropertyAccessExpression(node)) {
      if (this.#readPath(node)) return;
      return this.#expression(node.expression);
    }
    if (ts.isElementAccessExpression(node)) {
      this.#expression(node.expression);
      this.#expression(node.argumentExpression);
      this.#readPath(node);
      return;
    }
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
      } else if (
        ts.isSpreadAssignment(child) ||
        ts.isSpreadElement(child) ||
        ts.isTemplateSpan(child) ||
        ts.isJsxExpression(child)
      ) {
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

  #call(node: TS.CallExpression | TS.NewExpression): void {
    const ts = this.#ts;
    this.#expression(node.expression);
    const args = node.arguments ?? [];
    const callbacks: FunctionExpression[] = [];
    for (const argument of args) {
      const inner = skipOuter(ts, argument);
      if (isFunctionExpression(ts, inner)) callbacks.push(inner);
      else this.#expression(argument);
      if (this.#domain.marksReferences === true) this.#readMembers(inner);
    }
    const timing = callbacks.length > 0 ? callbackTiming(ts, node) : undefined;
    if (timing === 'now') {
      const callee = skipOuter(ts, node.expression);
      const element = ts.isPropertyAccessExpression(callee) ? this.#elementOf(callee.expression) : undefined;
      for (const callback of callbacks) this.#runNow(callback, element);
    }
    if (ts.isCallExpression(node)) this.#collect(node);
    this.#apply(node);
    if (timing === 'later') for (const callback of callbacks) this.#defer(callback);
  }

  /** `views.push(v)`, `cache.set(key, v)`: a tracked value joins the collection's elements. */
  #collect(call: TS.CallExpression): void {
    const ts = this.#ts;
    const callee = skipOuter(ts, call.expression);
    if (!ts.isPropertyAccessExpression(callee) || !ADDERS.has(callee.name.text) || this.#state === null) return;
    let added: Entry<Info> | undefined;
    for (const argument of call.arguments) added ??= this.#valueOf(argument);
    if (added === undefined) return;
    const key = this.#keyOf(callee.expression);
    const element = key === undefined ? undefined : memberKey(key, ELEMENT);
    if (element !== undefined) this.#add(element, added);
  }

  /**
   * A callback run during the call, any number of times: its body is a loop at the call. The
   * first parameter of an array method's callback is an element of the array.
   */
  #runNow(callback: FunctionExpression, element: Entry<Info> | undefined): void {
    const ts = this.#ts;
    this.#shared.inlined.add(callback);
    const first = callback.parameters[0]?.name;
    const body = callback.body;
    const bind = () => {
      if (first !== undefined && ts.isIdentifier(first)) this.#set(this.#paths.keyOfDeclaration(first), element);
    };
    this.#loop(callback, bind, () => (ts.isBlock(body) ? this.#statement(body) : this.#expression(body)), false);
  }

  /** A callback run after the body: interpreted at the end, from every state it could start in. */
  #defer(callback: FunctionExpression): void {
    this.#shared.inlined.add(callback);
    this.#deferred.set(callback, joinStates(this.#deferred.get(callback) ?? null, this.#snapshot()));
  }

  #binary(node: TS.BinaryExpression): void {
    const ts = this.#ts;
    const operator = node.operatorToken.kind;
    if (
      operator === ts.SyntaxKind.AmpersandAmpersandToken ||
      operator === ts.SyntaxKind.BarBarToken ||
      operator === ts.SyntaxKind.QuestionQuestionToken
    ) {
      this.#expression(node.left);
      const skipped = this.#snapshot();
      if (operator !== ts.SyntaxKind.QuestionQuestionToken)
        this.#refine(node.left, operator === ts.SyntaxKind.AmpersandAmpersandToken);
      this.#expression(node.right);
      this.#state = joinStates(skipped, this.#state);
      return;
    }
    if (
      operator === ts.SyntaxKind.EqualsToken ||
      (operator >= ts.SyntaxKind.FirstCompoundAssignment && operator <= ts.SyntaxKind.LastCompoundAssignment)
    ) {
      this.#assignment(node, operator === ts.SyntaxKind.EqualsToken);
      return;
    }
    this.#expression(node.left);
    this.#expression(node.right);
  }

  #assignment(node: TS.BinaryExpression, plain: boolean): void {
    const ts = this.#ts;
    const target = skipOuter(ts, node.left);
    const right = skipOuter(ts, node.right);
    if (plain && isFunctionExpression(ts, right) && isHandlerProperty(ts, target)) {
      this.#expression((target as TS.PropertyAccessExpression).expression);
      this.#defer(right);
      return;
    }
    if (ts.isIdentifier(target)) {
      if (!plain) this.#read(target, false);
      if (!plain || this.#lookup(right) === undefined) this.#expression(node.right);
      const value = plain ? this.#valueOf(node.right) : undefined;
      if (value !== undefined || this.#segments.has(target.text) || (plain && isObjectLiteral(ts, node.right))) {
        const key = this.#keyOf(target);
        this.#set(key, value);
        if (plain && key !== undefined) this.#members(key, node.right);
      }
      return;
    }
    if (ts.isElementAccessExpression(target) || ts.isPropertyAccessExpression(target)) {
      this.#writeThrough(target, node.right);
      if (this.#state === null) return;
      const value = plain ? this.#valueOf(node.right) : undefined;
      // Only a tracked value, or a reference some tracked key could lie under, needs the key.
      const name = referenceName(ts, target);
      if (value === undefined && !isObjectLiteral(ts, node.right) && (name === undefined || !this.#segments.has(name)))
        return;
      const key = this.#keyOf(target);
      if (key === undefined) return;
      if (key.endsWith(ELEMENT)) {
        if (value !== undefined) this.#add(key, value);
      } else {
        this.#set(key, value);
        if (plain) this.#members(key, node.right);
      }
      return;
    }
    this.#expression(node.left);
    this.#expression(node.right);
  }

  /**
   * The target object of `view[i] = …` or `view.x = …`. JS evaluates it before the right-hand
   * side: `heap[p] = f()` writes into the view as it was before f() ran.
   */
  #writeThrough(target: TS.ElementAccessExpression | TS.PropertyAccessExpression, right: TS.Expression): void {
    const ts = this.#ts;
    const object = skipOuter(ts, target.expression);
    const written = this.#lookup(object);
    // `Module.HEAP32[p >> 2] = Module._malloc(n)`: a view read afresh, but still before the call.
    const fresh =
      written === undefined && ts.isPropertyAccessExpression(object)
        ? this.#domain.track(object, this.#lookup)
        : undefined;
    const effectsBefore = this.#effects.length;
    if (fresh !== undefined) this.#pendingWrites++;
    try {
      this.#expression(target.expression);
      if (ts.isElementAccessExpression(target)) this.#expression(target.argumentExpression);
      this.#expression(right);
    } finally {
      if (fresh !== undefined) this.#pendingWrites--;
    }
    if (written !== undefined && written.stale === null) {
      const now = this.#lookup(object);
      if (now?.stale != null) this.#report(object, now, true);
    } else if (fresh !== undefined && ts.isPropertyAccessExpression(object)) {
      const effect = this.#effects.slice(effectsBefore).find(candidate => candidate.affects(fresh));
      if (effect !== undefined) this.#report(object, { info: fresh, stale: effect.invalidation }, true);
    }
  }

  /** `encode(image)` where `image.data` is stale: the callee will read it. */
  #readMembers(reference: TS.Expression): void {
    const state = this.#state;
    // An object that hands itself on (`registry.unregister(this)`) after letting go of its own
    // buffer (a `free()`) does so on purpose: only another object handed on is a use.
    if (
      state === null ||
      reference.kind === this.#ts.SyntaxKind.ThisKeyword ||
      this.#lookup(reference) !== undefined ||
      referenceName(this.#ts, reference) === undefined ||
      !this.#segments.has(referenceName(this.#ts, reference)!)
    )
      return;
    const key = this.#keyOf(reference);
    if (key === undefined) return;
    for (const [other, entry] of state) {
      // `list.push(file)` after `file.data` was reported as used: the same value, said once.
      if (entry.stale !== null && isUnder(other, key) && this.#saidOfValue.get(entry.info) !== entry.stale) {
        this.#report(reference, entry, false);
        return;
      }
    }
  }

  /** Where `condition` came out `outcome`, what it proves live is fresh again (a re-checked cache). */
  #refine(condition: TS.Expression, outcome: boolean): void {
    const state = this.#state;
    if (state === null || state.size === 0) return;
    for (const reference of provenLive(this.#ts, condition, outcome)) {
      const entry = this.#lookup(reference);
      const key = entry?.stale == null ? undefined : this.#keyOf(reference);
      if (key !== undefined) this.#writable()!.set(key, { info: entry!.info, stale: null });
    }
  }

  #read(reference: TS.Expression, write: boolean): void {
    const entry = this.#lookup(reference);
    if (entry?.stale != null) this.#report(reference, entry, write);
  }

  /** A property or element read of a tracked path: reported when stale. Returns whether it was one. */
  #readPath(reference: TS.PropertyAccessExpression | TS.ElementAccessExpression): boolean {
    const entry = this.#lookup(reference);
    if (entry === undefined) return false;
    if (entry.stale !== null) this.#report(reference, entry, false);
    return true;
  }

  #report(reference: TS.Expression, entry: Entry<Info>, write: boolean): void {
    if (this.#shared.reported.has(reference) || entry.stale === null || isLivenessCheck(this.#ts, reference)) return;
    this.#shared.reported.add(reference);
    // One finding per reference and invalidation: the first use says it, the rest repeat it.
    const key = this.#keyOf(reference);
    if (key !== undefined && this.#said.get(key) === entry.stale) return;
    if (!this.#domain.report(reference, entry, entry.stale, write)) return;
    if (key !== undefined) this.#said.set(key, entry.stale);
    this.#saidOfValue.set(entry.info, entry.stale);
  }

  /** Applies what a call, `new` or `await` does: invalidations first, then re-derivations. */
  #apply(node: TS.CallExpression | TS.NewExpression | TS.AwaitExpression): void {
    this.#applyEffects(node);
    const points = this.#throwPoints[this.#throwPoints.length - 1];
    if (points !== undefined && this.#state !== null && this.#state.size > 0) points.push(this.#snapshot());
  }

  #applyEffects(node: TS.CallExpression | TS.NewExpression | TS.AwaitExpression): void {
    const state = this.#state;
    // Nothing tracked and no write waiting on its right side: no question for the type checker.
    if (state === null || (state.size === 0 && this.#pendingWrites === 0 && this.#domain.marksReferences !== true))
      return;
    const effect = this.#domain.effectOf(node, this.#lookup);
    if (effect !== undefined) {
      this.#effects.push(effect);
      for (const [key, entry] of state) {
        if (isReplaceable(entry.stale, effect.invalidation) && effect.affects(entry.info))
          this.#writable()!.set(key, { info: entry.info, stale: effect.invalidation });
      }
      for (const mark of effect.marks ?? []) {
        let key = this.#keyOf(mark.reference);
        for (const member of mark.members) key = key === undefined ? undefined : memberKey(key, member);
        if (key === undefined) continue;
        for (const [other, entry] of this.#state!)
          if (isUnder(other, key) && entry.stale === null)
            this.#writable()!.set(other, { info: entry.info, stale: effect.invalidation });
        this.#add(key, { info: this.#state!.get(key)?.info ?? mark.info, stale: effect.invalidation });
      }
    }
    if (this.#ts.isCallExpression(node) && this.#domain.refreshedBy !== undefined) {
      for (const key of this.#domain.refreshedBy(node)) {
        const entry = this.#state!.get(key);
        if (entry !== undefined) this.#writable()!.set(key, { info: entry.info, stale: null });
      }
    }
  }
}
