import type TS from 'typescript';
import type { ProgramCache } from '../check.js';
import { conversionAt } from '../conversions/lookup.js';
import { HEAP_VIEW_NAMES } from '../glue/wasm.js';
import {
  calleeDeclaration,
  classOfThis,
  functionOf,
  implementationsOf,
  returnedValues,
  type FunctionWithBody,
} from '../util/functions.js';
import { calledName, outerParent, skipOuter, walk } from '../util/syntax.js';
import { callsNamed } from '../util/name-index.js';
import { classifyNode, TYPED_ARRAY_NAMES, typeOf } from './classify.js';

/**
 * What is known of the buffer behind a view: whether the view spans all of it (`whole`: a fresh
 * allocation, a copy), only part of it (`part`: a `subarray`, a view at an offset, a pooled Node
 * Buffer), or nothing (`unknown`: a parameter, a field set from outside, an opaque call). A
 * parameter's index is kept, so that a function's use of it can be judged at its call sites.
 */
export interface Ownership {
  readonly whole: 'whole' | 'part' | 'unknown';
  /** The parameter the value comes from, for `unknown`. */
  readonly parameter?: { readonly fn: TS.SignatureDeclaration; readonly index: number };
}

const WHOLE: Ownership = { whole: 'whole' };
const PART: Ownership = { whole: 'part' };
const UNKNOWN: Ownership = { whole: 'unknown' };
/** `null` or `undefined`: no view at all, which spans nothing it could leak. */
const NOTHING: Ownership = WHOLE;

/** Methods that return the typed array they are called on (`getRandomValues` returns its argument). */
/** Array methods whose callback's first parameter is an element. */
const ITERATING: ReadonlySet<string> = new Set(['forEach', 'map', 'filter', 'some', 'every', 'find', 'flatMap']);
const RETURNS_THIS: ReadonlySet<string> = new Set(['reverse', 'sort', 'fill', 'copyWithin', 'getRandomValues']);
/** Past this many assignments to one variable or field, its value is not followed. */
const MAX_VALUES = 16;
/** Past this depth of variables, fields and calls followed, the answer is `unknown`. */
const MAX_DEPTH = 8;

/**
 * Decides what a view's buffer holds, from how the view was made: through `const` and `let`
 * variables (every value assigned to them), private and public fields of `this` (every value the
 * class assigns), conditionals, methods that return their receiver, and the returns of functions
 * with bodies (cached per function). The conversion table says which calls copy and which copies
 * land in Node's pool.
 */
export class OwnershipOracle {
  readonly #ts: typeof TS;
  readonly #checker: TS.TypeChecker;
  readonly #cache: ProgramCache;
  readonly #inProgress = new Set<TS.Node>();

  readonly #program: TS.Program;
  /** Above 0 while judging what callers pass: wholeness must be proven, not likely. */
  #proving = 0;

  constructor(ts: typeof TS, checker: TS.TypeChecker, program: TS.Program, cache: ProgramCache) {
    this.#ts = ts;
    this.#checker = checker;
    this.#program = program;
    this.#cache = cache;
  }

  of(expression: TS.Expression, depth = 0): Ownership {
    if (depth > MAX_DEPTH) return UNKNOWN;
    const ts = this.#ts;
    const node = skipOuter(ts, expression);
    // Emscripten's HEAPU8 and friends view all of wasm memory from address 0.
    if (isHeapView(ts, node)) return WHOLE;
    if (isNothing(ts, node)) return NOTHING;
    if (ts.isIdentifier(node)) return this.#ofIdentifier(node, depth);
    if (ts.isPropertyAccessExpression(node) && node.expression.kind === ts.SyntaxKind.ThisKeyword)
      return this.#ofField(node, depth);
    if (ts.isConditionalExpression(node)) {
      // `v.byteLength === v.buffer.byteLength ? v : v.slice()`: the test proves the branch whole.
      const whenTrue = provesWhole(ts, node.condition, node.whenTrue) ? WHOLE : this.of(node.whenTrue, depth + 1);
      return combine([whenTrue, this.of(node.whenFalse, depth + 1)]);
    }
    if (ts.isBinaryExpression(node)) {
      const operator = node.operatorToken.kind;
      if (operator === ts.SyntaxKind.EqualsToken) return this.of(node.right, depth + 1);
      if (operator === ts.SyntaxKind.BarBarToken || operator === ts.SyntaxKind.QuestionQuestionToken)
        return combine([this.of(node.left, depth + 1), this.of(node.right, depth + 1)]);
      return UNKNOWN;
    }
    if (ts.isAwaitExpression(node)) return this.of(node.expression, depth + 1);
    if (
      ts.isNewExpression(node) &&
      ts.isIdentifier(node.expression) &&
      (node.expression.text === 'ArrayBuffer' || node.expression.text === 'SharedArrayBuffer')
    )
      return WHOLE;
    if (ts.isCallExpression(node) || ts.isNewExpression(node)) return this.#ofCall(node, depth);
    return UNKNOWN;
  }

  /** Whether `expression` may be a Node Buffer at run time, whatever its static type says. */
  mayBeNodeBuffer(expression: TS.Expression, depth = 0): boolean {
    const ts = this.#ts;
    if (isNothing(ts, skipOuter(ts, expression))) return false;
    const kind = classifyNode(ts, this.#checker, expression);
    if (kind === 'Buffer') return true;
    const name = typeOf(ts, this.#checker, expression).getSymbol()?.getName();
    if (kind !== 'TypedArray' || (name !== undefined && name !== 'Uint8Array'))
      return kind === undefined || kind === 'any' || kind === 'object';
    // A Uint8Array made here by a constructor, a copy or a TextEncoder is never a Buffer, nor is a heap view.
    const node = skipOuter(ts, expression);
    if (depth > MAX_DEPTH) return true;
    if (isHeapView(ts, node)) return false;
    if (ts.isIdentifier(node)) {
      const values = this.#valuesOf(node);
      return values === undefined || values.some(value => this.mayBeNodeBuffer(value, depth + 1));
    }
    if (ts.isPropertyAccessExpression(node)) {
      const values = this.#fieldValues(node);
      return values === undefined || values.some(value => this.mayBeNodeBuffer(value, depth + 1));
    }
    if (ts.isNewExpression(node)) return false;
    if (ts.isCallExpression(node)) {
      const callee = skipOuter(ts, node.expression);
      if (ts.isPropertyAccessExpression(callee) && (callee.name.text === 'subarray' || callee.name.text === 'slice'))
        return this.mayBeNodeBuffer(callee.expression, depth + 1);
      const row = conversionAt(ts, this.#checker, node);
      if (row !== undefined) return row.group === 'Buffer';
      const fn = functionOf(ts, calleeDeclaration(ts, this.#checker, node));
      const implementations = fn === undefined ? implementationsOf(ts, this.#checker, node) : [fn];
      return (
        implementations === undefined ||
        implementations.some(implementation =>
          returnedValues(ts, implementation).some(value => this.mayBeNodeBuffer(value, depth + 1)),
        )
      );
    }
    return true;
  }

  #ofIdentifier(identifier: TS.Identifier, depth: number): Ownership {
    const ts = this.#ts;
    const symbol = this.#checker.getSymbolAtLocation(identifier);
    const declaration = symbol?.valueDeclaration;
    if (declaration === undefined) return UNKNOWN;
    if (ts.isParameter(declaration)) {
      const fn = declaration.parent;
      const index = fn.parameters.indexOf(declaration);
      // `xs.forEach(x => …)`: the parameter is an element of `xs`.
      const elements = index === 0 ? this.#elementsIterated(fn, depth) : undefined;
      if (elements !== undefined) return elements;
      // Every call in the program passes a view that spans its buffer: so does the parameter.
      const args = this.#argumentsAt(fn, index);
      if (args !== undefined && this.#proven(() => this.#combineValues(args, declaration, depth)).whole === 'whole')
        return WHOLE;
      return { whole: 'unknown', parameter: { fn, index } };
    }
    const values = this.#valuesOf(identifier);
    return values === undefined ? UNKNOWN : this.#combineValues(values, identifier, depth);
  }

  /** For the callback of `xs.forEach`, `xs.map`…: what the elements of `xs` hold, when they can all be seen. */
  #elementsIterated(fn: TS.SignatureDeclaration, depth: number): Ownership | undefined {
    const ts = this.#ts;
    const { parent, child } = outerParent(ts, fn);
    if (!ts.isCallExpression(parent) || parent.arguments[0] !== child) return undefined;
    const callee = skipOuter(ts, parent.expression);
    if (!ts.isPropertyAccessExpression(callee) || !ITERATING.has(callee.name.text)) return undefined;
    const collection = skipOuter(ts, callee.expression);
    if (!ts.isIdentifier(collection)) return undefined;
    const values = this.#valuesOf(collection);
    if (values === undefined) return undefined;
    const elements: TS.Expression[] = [];
    for (const value of values) {
      const literal = skipOuter(ts, value);
      if (!ts.isArrayLiteralExpression(literal)) return undefined;
      for (const element of literal.elements)
        if (!ts.isSpreadElement(element) && !ts.isOmittedExpression(element)) elements.push(element);
    }
    // `xs.push(v)` anywhere in the scope adds an element.
    const symbol = this.#checker.getSymbolAtLocation(collection);
    const scope =
      symbol?.valueDeclaration === undefined
        ? undefined
        : ts.findAncestor(symbol.valueDeclaration, n => ts.isFunctionLike(n) || ts.isSourceFile(n));
    if (scope === undefined) return undefined;
    walk(ts, scope, node => {
      if (
        !ts.isCallExpression(node) ||
        !ts.isPropertyAccessExpression(node.expression) ||
        node.expression.name.text !== 'push'
      )
        return;
      const target = skipOuter(ts, node.expression.expression);
      if (
        ts.isIdentifier(target) &&
        target.text === collection.text &&
        this.#checker.getSymbolAtLocation(target) === symbol
      )
        elements.push(...node.arguments);
    });
    return elements.length === 0 ? undefined : this.#combineValues(elements, fn, depth);
  }

  /** Every value a variable is given (its initializer and each assignment), or undefined when they cannot all be seen. */
  #valuesOf(identifier: TS.Identifier): readonly TS.Expression[] | undefined {
    const ts = this.#ts;
    const symbol = this.#checker.getSymbolAtLocation(identifier);
    const declaration = symbol?.valueDeclaration;
    if (
      symbol === undefined ||
      declaration === undefined ||
      !ts.isVariableDeclaration(declaration) ||
      !ts.isIdentifier(declaration.name)
    )
      return undefined;
    const name = declaration.name.text;
    return this.#cache.get('memsafe/variable-values', symbol, () => {
      const values: TS.Expression[] = declaration.initializer === undefined ? [] : [declaration.initializer];
      if (!(ts.getCombinedNodeFlags(declaration) & ts.NodeFlags.Const)) {
        const scope =
          ts.findAncestor(declaration, n => ts.isFunctionLike(n) || ts.isSourceFile(n)) ?? declaration.getSourceFile();
        let opaque = false;
        walk(ts, scope, node => {
          if (!ts.isBinaryExpression(node) || !ts.isIdentifier(node.left) || node.left.text !== name) return;
          if (this.#checker.getSymbolAtLocation(node.left) !== symbol) return;
          const operator = node.operatorToken.kind;
          if (operator === ts.SyntaxKind.EqualsToken) values.push(node.right);
          else if (
            operator >= ts.SyntaxKind.FirstCompoundAssignment &&
            operator <= ts.SyntaxKind.LastCompoundAssignment
          )
            opaque = true;
        });
        if (opaque) return undefined;
      }
      return values.length === 0 || values.length > MAX_VALUES ? undefined : values;
    });
  }

  /** `this.bytes`: every value the class assigns to the field, when the class assigns it at all. */
  #ofField(access: TS.PropertyAccessExpression, depth: number): Ownership {
    const values = this.#fieldValues(access);
    const declaration = this.#checker.getSymbolAtLocation(access.name)?.valueDeclaration;
    return values === undefined ? UNKNOWN : this.#combineValues(values, declaration ?? access, depth);
  }

  /**
   * Every value a class gives a field, or undefined when it can be set from outside or is never
   * set: `this.bytes` inside the class, or `cache.bytes` for a field that is `readonly` or private,
   * which only its class can assign.
   */
  #fieldValues(access: TS.PropertyAccessExpression): readonly TS.Expression[] | undefined {
    const ts = this.#ts;
    const owner =
      access.expression.kind === ts.SyntaxKind.ThisKeyword ? classOfThis(ts, access) : this.#closedFieldOwner(access);
    if (owner === undefined) return undefined;
    const name = access.name.text;
    const byName = this.#cache.get(
      'memsafe/field-values',
      owner,
      () => new Map<string, readonly TS.Expression[] | undefined>(),
    );
    if (byName.has(name)) return byName.get(name);
    const values = [...(fieldAssignments(ts, owner).get(name) ?? [])];
    let fromOutside = false;
    // `constructor(private bytes: Uint8Array)`: set from whatever each `new` passes.
    const constructor = owner.members.find(ts.isConstructorDeclaration);
    const index =
      constructor?.parameters.findIndex(
        p => ts.isIdentifier(p.name) && p.name.text === name && ts.isParameterPropertyDeclaration(p, constructor),
      ) ?? -1;
    if (constructor !== undefined && index >= 0) {
      const args = this.#argumentsAt(constructor, index);
      if (args === undefined) fromOutside = true;
      else values.push(...args);
    }
    const found = fromOutside || values.length === 0 || values.length > MAX_VALUES ? undefined : values;
    byName.set(name, found);
    return found;
  }

  /** The class that declares the field `access` reads, when only that class can assign it. */
  #closedFieldOwner(access: TS.PropertyAccessExpression): TS.ClassLikeDeclaration | undefined {
    const ts = this.#ts;
    const declaration = this.#checker.getSymbolAtLocation(access.name)?.valueDeclaration;
    if (declaration === undefined || !ts.isPropertyDeclaration(declaration) || !ts.isClassLike(declaration.parent))
      return undefined;
    const flags = ts.getCombinedModifierFlags(declaration);
    const closed =
      flags & (ts.ModifierFlags.Readonly | ts.ModifierFlags.Private) || ts.isPrivateIdentifier(declaration.name);
    return closed ? declaration.parent : undefined;
  }

  #combineValues(values: readonly TS.Expression[], at: TS.Node, depth: number): Ownership {
    // A value made from itself (`new Reference(this.dataView, …)` for the field `dataView`) adds nothing.
    if (this.#inProgress.has(at)) return NOTHING;
    this.#inProgress.add(at);
    try {
      return combine(values.map(value => this.of(value, depth + 1)));
    } finally {
      this.#inProgress.delete(at);
    }
  }

  #ofCall(call: TS.CallExpression | TS.NewExpression, depth: number): Ownership {
    const ts = this.#ts;
    const callee = skipOuter(ts, call.expression);
    const name = calledName(ts, call);
    if (ts.isCallExpression(call) && ts.isPropertyAccessExpression(callee)) {
      if (name === 'subarray') return PART;
      // `a.reverse()` and `crypto.getRandomValues(a)` return the array they were given.
      if (name !== undefined && RETURNS_THIS.has(name))
        return this.of(
          name === 'getRandomValues' ? (call.arguments[0] ?? callee.expression) : callee.expression,
          depth + 1,
        );
    }
    // `Int32Array.from(values, Number)`, `Float32Array.of(…)`: a new array of its own, whatever the arguments.
    if (
      ts.isCallExpression(call) &&
      ts.isPropertyAccessExpression(callee) &&
      (name === 'from' || name === 'of') &&
      ts.isIdentifier(callee.expression) &&
      TYPED_ARRAY_NAMES.has(callee.expression.text)
    )
      return WHOLE;
    const row = conversionAt(ts, this.#checker, call);
    if (row !== undefined) {
      if (row.result === 'copy') {
        if (row.hazards.includes('pool-aliasing')) return PART;
        if (!row.hazards.includes('class-dependent')) return WHOLE;
        // `x.slice()` copies unless x is a Node Buffer, whose slice is a view. Whether a Uint8Array
        // might be a Buffer is no-ambiguous-slice's question; here only a Buffer by type is a view,
        // except where wholeness must be proven (a parameter judged by what its callers pass).
        const receiver = ts.isPropertyAccessExpression(callee) ? callee.expression : undefined;
        if (receiver === undefined) return UNKNOWN;
        if (classifyNode(ts, this.#checker, receiver) === 'Buffer') return PART;
        return this.#proving > 0 && this.mayBeNodeBuffer(receiver) ? UNKNOWN : WHOLE;
      }
      if (row.result === 'view' || row.result === 'reinterpret') {
        const args = call.arguments ?? [];
        // A view made over a whole ArrayBuffer, with no offset, spans it.
        if (ts.isNewExpression(call) && args.length === 1) {
          const kind = classifyNode(ts, this.#checker, args[0]!);
          if (
            kind === 'ArrayBuffer' ||
            kind === 'SharedArrayBuffer' ||
            kind === 'ResizableArrayBuffer' ||
            kind === 'WebAssembly.Memory'
          )
            return WHOLE;
          return this.of(args[0]!, depth + 1);
        }
        return args.length > 1 ? PART : UNKNOWN;
      }
      return UNKNOWN;
    }
    if (ts.isNewExpression(call)) return UNKNOWN;
    const fn = functionOf(ts, calleeDeclaration(ts, this.#checker, call));
    if (fn === undefined) {
      const implementations = implementationsOf(ts, this.#checker, call);
      return implementations === undefined
        ? UNKNOWN
        : combine(implementations.map(implementation => this.#ofCallTo(implementation, call, depth)));
    }
    return this.#ofCallTo(fn, call, depth);
  }

  /** What `call` returns, running `fn`: its returns, with the arguments of this call for the parameters it returns. */
  #ofCallTo(fn: FunctionWithBody, call: TS.CallExpression, depth: number): Ownership {
    const ts = this.#ts;
    // `download(gpu, size)` leaves out the callback that picks another return: those returns are not this call's.
    const omitted = omittedParameters(ts, fn, call);
    const returned =
      omitted.size === 0
        ? this.#ofReturns(fn, depth)
        : this.#combineReturns(
            fn,
            returnedValues(ts, fn).filter(value => !onlyWithParameter(ts, value, fn, omitted)),
            depth,
          );
    // `convert(x)` that may return `x` itself: what the caller passed is what comes back.
    if (returned.whole !== 'part' && returned.returnsParameters.length > 0) {
      const passed = returned.returnsParameters.map(index =>
        call.arguments[index] === undefined ? NOTHING : this.of(call.arguments[index], depth + 1),
      );
      return combine([returned.rest, ...passed]);
    }
    return returned.rest;
  }

  /**
   * What a function's returns hold: the returns that are its own parameters (which hold what each
   * caller passes), and the rest, combined; cached per function.
   */
  #ofReturns(fn: FunctionWithBody, depth: number): Returned {
    return this.#cache.get('memsafe/returned-ownership', fn, () =>
      this.#combineReturns(fn, returnedValues(this.#ts, fn), depth),
    );
  }

  #combineReturns(fn: FunctionWithBody, values: readonly TS.Expression[], depth: number): Returned {
    if (this.#inProgress.has(fn)) return { rest: UNKNOWN, returnsParameters: [], whole: 'unknown' as const };
    this.#inProgress.add(fn);
    try {
      const returnsParameters = new Set<number>();
      const rest: Ownership[] = [];
      for (const value of values) {
        const ownership = this.of(value, depth + 1);
        if (ownership.parameter?.fn === fn) returnsParameters.add(ownership.parameter.index);
        else rest.push(ownership);
      }
      const combined = rest.length === 0 ? (returnsParameters.size > 0 ? NOTHING : UNKNOWN) : combine(rest);
      // A parameter of another function says nothing here.
      const own = combined.parameter === undefined ? combined : UNKNOWN;
      return { rest: own, returnsParameters: [...returnsParameters], whole: own.whole };
    } finally {
      this.#inProgress.delete(fn);
    }
  }

  /** Runs `judge` where a view that is only likely whole (a slice of what may be a Buffer) is not whole. */
  #proven(judge: () => Ownership): Ownership {
    this.#proving++;
    try {
      return judge();
    } finally {
      this.#proving--;
    }
  }

  /**
   * The arguments every call of `fn` in the program passes at `index`, or undefined when there is
   * none to see, too many, or a call that passes fewer (a default then applies).
   */
  #argumentsAt(fn: TS.SignatureDeclaration, index: number): readonly TS.Expression[] | undefined {
    const ts = this.#ts;
    const name = callableName(ts, fn);
    if (name === undefined) return undefined;
    const found: TS.Expression[] = [];
    for (const call of callsNamed(ts, this.#program, name)) {
      const target = ts.isNewExpression(call)
        ? this.#constructorOf(call)
        : functionOf(ts, calleeDeclaration(ts, this.#checker, call));
      if (target !== fn) continue;
      const argument = call.arguments?.[index];
      if (argument === undefined || ts.isSpreadElement(argument) || found.length >= MAX_VALUES) return undefined;
      found.push(argument);
    }
    return found.length === 0 ? undefined : found;
  }

  #constructorOf(call: TS.NewExpression): TS.Declaration | undefined {
    const ts = this.#ts;
    const symbol = this.#checker.getSymbolAtLocation(skipOuter(ts, call.expression));
    const resolved =
      symbol !== undefined && symbol.flags & ts.SymbolFlags.Alias ? this.#checker.getAliasedSymbol(symbol) : symbol;
    const declaration = resolved?.valueDeclaration;
    return declaration !== undefined && ts.isClassLike(declaration)
      ? declaration.members.find(ts.isConstructorDeclaration)
      : undefined;
  }
}

/** The name a function or constructor is called by: its own, its variable's, its class's for `new`. */
function callableName(ts: typeof TS, fn: TS.SignatureDeclaration): string | undefined {
  if (ts.isConstructorDeclaration(fn)) return fn.parent.name?.text;
  if (
    (ts.isFunctionDeclaration(fn) || ts.isMethodDeclaration(fn)) &&
    fn.name !== undefined &&
    (ts.isIdentifier(fn.name) || ts.isPrivateIdentifier(fn.name))
  )
    return fn.name.text;
  const parent = fn.parent;
  if (
    (ts.isArrowFunction(fn) || ts.isFunctionExpression(fn)) &&
    (ts.isVariableDeclaration(parent) || ts.isPropertyDeclaration(parent)) &&
    ts.isIdentifier(parent.name)
  )
    return parent.name.text;
  return undefined;
}

/** What a function's returns hold: those that are its own parameters, by index, and the rest combined. */
interface Returned {
  readonly rest: Ownership;
  readonly returnsParameters: readonly number[];
  readonly whole: Ownership['whole'];
}

/** The optional parameters of `fn` that `call` passes nothing for. */
function omittedParameters(ts: typeof TS, fn: FunctionWithBody, call: TS.CallExpression): ReadonlySet<string> {
  const omitted = new Set<string>();
  if (call.arguments.some(argument => ts.isSpreadElement(argument))) return omitted;
  fn.parameters.forEach((parameter, index) => {
    if (index >= call.arguments.length && parameter.dotDotDotToken === undefined && ts.isIdentifier(parameter.name))
      omitted.add(parameter.name.text);
  });
  return omitted;
}

/**
 * Whether a returned value sits in a branch taken only when one of `omitted` was given:
 * `if (getTarget) { … return target }`, or the `else` of `if (!getTarget)`.
 */
function onlyWithParameter(
  ts: typeof TS,
  value: TS.Expression,
  fn: FunctionWithBody,
  omitted: ReadonlySet<string>,
): boolean {
  for (
    let child: TS.Node = value, node = value.parent;
    node !== undefined && node !== fn;
    child = node, node = node.parent
  ) {
    if (!ts.isIfStatement(node) || child === node.expression) continue;
    const tested = presenceTest(ts, node.expression);
    if (tested === undefined || !omitted.has(tested.name)) continue;
    if ((child === node.thenStatement) === tested.present) return true;
  }
  return false;
}

/** `p`, `p !== undefined`, `p != null` test that `p` is present; `!p`, `p === undefined`, `p == null` that it is not. */
function presenceTest(
  ts: typeof TS,
  condition: TS.Expression,
): { readonly name: string; readonly present: boolean } | undefined {
  const node = skipOuter(ts, condition);
  if (ts.isIdentifier(node)) return { name: node.text, present: true };
  if (ts.isPrefixUnaryExpression(node) && node.operator === ts.SyntaxKind.ExclamationToken) {
    const inner = presenceTest(ts, node.operand);
    return inner === undefined ? undefined : { name: inner.name, present: !inner.present };
  }
  if (!ts.isBinaryExpression(node) || !ts.isIdentifier(node.left)) return undefined;
  const right = skipOuter(ts, node.right);
  const nothing = right.kind === ts.SyntaxKind.NullKeyword || (ts.isIdentifier(right) && right.text === 'undefined');
  if (!nothing) return undefined;
  switch (node.operatorToken.kind) {
    case ts.SyntaxKind.ExclamationEqualsEqualsToken:
    case ts.SyntaxKind.ExclamationEqualsToken:
      return { name: node.left.text, present: true };
    case ts.SyntaxKind.EqualsEqualsEqualsToken:
    case ts.SyntaxKind.EqualsEqualsToken:
      return { name: node.left.text, present: false };
    default:
      return undefined;
  }
}

/** Class nodes belong to one file version, so what their syntax says serves every program. */
const fieldAssignmentsByClass = new WeakMap<TS.ClassLikeDeclaration, ReadonlyMap<string, readonly TS.Expression[]>>();

/** The values a class gives its fields by name: initializers, and `this.x = …` anywhere in its body. */
function fieldAssignments(
  ts: typeof TS,
  owner: TS.ClassLikeDeclaration,
): ReadonlyMap<string, readonly TS.Expression[]> {
  const known = fieldAssignmentsByClass.get(owner);
  if (known !== undefined) return known;
  const found = new Map<string, TS.Expression[]>();
  const add = (name: string, value: TS.Expression): void => {
    const list = found.get(name);
    if (list === undefined) found.set(name, [value]);
    else list.push(value);
  };
  for (const member of owner.members) {
    if (ts.isPropertyDeclaration(member) && member.initializer !== undefined)
      add(member.name.getText(), member.initializer);
  }
  walk(ts, owner, node => {
    if (!ts.isBinaryExpression(node) || node.operatorToken.kind !== ts.SyntaxKind.EqualsToken) return;
    const left = skipOuter(ts, node.left);
    if (ts.isPropertyAccessExpression(left) && left.expression.kind === ts.SyntaxKind.ThisKeyword)
      add(left.name.text, node.right);
  });
  fieldAssignmentsByClass.set(owner, found);
  return found;
}

/**
 * Whether `condition` being true proves that `value` spans its whole buffer:
 * `v.byteLength === v.buffer.byteLength`, with or without `v.byteOffset === 0 &&` before it.
 */
function provesWhole(ts: typeof TS, condition: TS.Expression, value: TS.Expression): boolean {
  const node = skipOuter(ts, condition);
  if (!ts.isBinaryExpression(node)) return false;
  if (node.operatorToken.kind === ts.SyntaxKind.AmpersandAmpersandToken)
    return provesWhole(ts, node.left, value) || provesWhole(ts, node.right, value);
  if (
    node.operatorToken.kind !== ts.SyntaxKind.EqualsEqualsEqualsToken &&
    node.operatorToken.kind !== ts.SyntaxKind.EqualsEqualsToken
  )
    return false;
  const name = skipOuter(ts, value).getText();
  const sides = [skipOuter(ts, node.left).getText(), skipOuter(ts, node.right).getText()].sort();
  return sides[0] === `${name}.buffer.byteLength` && sides[1] === `${name}.byteLength`;
}

function isNothing(ts: typeof TS, node: TS.Expression): boolean {
  return node.kind === ts.SyntaxKind.NullKeyword || (ts.isIdentifier(node) && node.text === 'undefined');
}

function isHeapView(ts: typeof TS, node: TS.Expression): boolean {
  return (
    (ts.isIdentifier(node) || ts.isPropertyAccessExpression(node)) &&
    HEAP_VIEW_NAMES.has(ts.isIdentifier(node) ? node.text : node.name.text)
  );
}

/** Several possible values: whole only if each is, part if any is. */
function combine(ownerships: readonly Ownership[]): Ownership {
  if (ownerships.some(o => o.whole === 'part')) return PART;
  if (ownerships.length > 0 && ownerships.every(o => o.whole === 'whole')) return WHOLE;
  return ownerships.length === 1 ? ownerships[0]! : UNKNOWN;
}
