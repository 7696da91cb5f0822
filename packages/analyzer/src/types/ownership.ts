import type TS from 'typescript';
import type { ProgramCache } from '../check.js';
import { conversionAt } from '../conversions/lookup.js';
import { HEAP_VIEW_NAMES } from '../glue/wasm.js';
import { calleeDeclaration, classOfThis, functionOf, type FunctionWithBody } from '../util/functions.js';
import { calledName, skipOuter, walk } from '../util/syntax.js';
import { classifyNode, typeOf } from './classify.js';

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

  constructor(ts: typeof TS, checker: TS.TypeChecker, cache: ProgramCache) {
    this.#ts = ts;
    this.#checker = checker;
    this.#cache = cache;
  }

  of(expression: TS.Expression, depth = 0): Ownership {
    if (depth > MAX_DEPTH) return UNKNOWN;
    const ts = this.#ts;
    const node = skipOuter(ts, expression);
    // Emscripten's HEAPU8 and friends view all of wasm memory from address 0.
    if (isHeapView(ts, node)) return WHOLE;
    if (node.kind === ts.SyntaxKind.NullKeyword || (ts.isIdentifier(node) && node.text === 'undefined')) return NOTHING;
    if (ts.isIdentifier(node)) return this.#ofIdentifier(node, depth);
    if (ts.isPropertyAccessExpression(node) && node.expression.kind === ts.SyntaxKind.ThisKeyword) return this.#ofField(node, depth);
    if (ts.isConditionalExpression(node)) return combine([this.of(node.whenTrue, depth + 1), this.of(node.whenFalse, depth + 1)]);
    if (ts.isBinaryExpression(node)) {
      const operator = node.operatorToken.kind;
      if (operator === ts.SyntaxKind.EqualsToken) return this.of(node.right, depth + 1);
      if (operator === ts.SyntaxKind.BarBarToken || operator === ts.SyntaxKind.QuestionQuestionToken) return combine([this.of(node.left, depth + 1), this.of(node.right, depth + 1)]);
      return UNKNOWN;
    }
    if (ts.isAwaitExpression(node)) return this.of(node.expression, depth + 1);
    if (ts.isNewExpression(node) && ts.isIdentifier(node.expression) && (node.expression.text === 'ArrayBuffer' || node.expression.text === 'SharedArrayBuffer')) return WHOLE;
    if (ts.isCallExpression(node) || ts.isNewExpression(node)) return this.#ofCall(node, depth);
    return UNKNOWN;
  }

  /** Whether `expression` may be a Node Buffer at run time, whatever its static type says. */
  mayBeNodeBuffer(expression: TS.Expression, depth = 0): boolean {
    const ts = this.#ts;
    const kind = classifyNode(ts, this.#checker, expression);
    if (kind === 'Buffer') return true;
    const name = typeOf(ts, this.#checker, expression).getSymbol()?.getName();
    if (kind !== 'TypedArray' || (name !== undefined && name !== 'Uint8Array')) return kind === undefined || kind === 'any' || kind === 'object';
    // A Uint8Array made here by a constructor, a copy or a TextEncoder is never a Buffer, nor is a heap view.
    const node = skipOuter(ts, expression);
    if (depth > MAX_DEPTH) return true;
    if (isHeapView(ts, node)) return false;
    if (ts.isIdentifier(node)) {
      const values = this.#valuesOf(node);
      return values === undefined || values.some(value => this.mayBeNodeBuffer(value, depth + 1));
    }
    if (ts.isNewExpression(node)) return false;
    if (ts.isCallExpression(node)) {
      const callee = skipOuter(ts, node.expression);
      if (ts.isPropertyAccessExpression(callee) && (callee.name.text === 'subarray' || callee.name.text === 'slice')) return this.mayBeNodeBuffer(callee.expression, depth + 1);
      const row = conversionAt(ts, this.#checker, node);
      return row === undefined || row.group === 'Buffer';
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
      return { whole: 'unknown', parameter: { fn, index: fn.parameters.indexOf(declaration) } };
    }
    const values = this.#valuesOf(identifier);
    return values === undefined ? UNKNOWN : this.#combineValues(values, identifier, depth);
  }

  /** Every value a variable is given (its initializer and each assignment), or undefined when they cannot all be seen. */
  #valuesOf(identifier: TS.Identifier): readonly TS.Expression[] | undefined {
    const ts = this.#ts;
    const symbol = this.#checker.getSymbolAtLocation(identifier);
    const declaration = symbol?.valueDeclaration;
    if (symbol === undefined || declaration === undefined || !ts.isVariableDeclaration(declaration) || !ts.isIdentifier(declaration.name)) return undefined;
    const name = declaration.name.text;
    return this.#cache.get('memsafe/variable-values', symbol, () => {
      const values: TS.Expression[] = declaration.initializer === undefined ? [] : [declaration.initializer];
      if (!(ts.getCombinedNodeFlags(declaration) & ts.NodeFlags.Const)) {
        const scope = ts.findAncestor(declaration, n => ts.isFunctionLike(n) || ts.isSourceFile(n)) ?? declaration.getSourceFile();
        let opaque = false;
        walk(ts, scope, node => {
          if (!ts.isBinaryExpression(node) || !ts.isIdentifier(node.left) || node.left.text !== name) return;
          if (this.#checker.getSymbolAtLocation(node.left) !== symbol) return;
          if (node.operatorToken.kind === ts.SyntaxKind.EqualsToken) values.push(node.right);
          else opaque = true;
        });
        if (opaque) return undefined;
      }
      return values.length === 0 || values.length > MAX_VALUES ? undefined : values;
    });
  }

  /** `this.bytes`: every value the class assigns to the field, when the class assigns it at all. */
  #ofField(access: TS.PropertyAccessExpression, depth: number): Ownership {
    const ts = this.#ts;
    const owner = classOfThis(ts, access);
    if (owner === undefined) return UNKNOWN;
    const name = access.name.text;
    const values: TS.Expression[] = [];
    let fromOutside = false;
    for (const member of owner.members) {
      if (ts.isPropertyDeclaration(member) && member.name.getText() === name && member.initializer !== undefined) values.push(member.initializer);
      // `constructor(private bytes: Uint8Array)`: set from whatever the caller passes.
      if (ts.isConstructorDeclaration(member) && member.parameters.some(p => ts.isIdentifier(p.name) && p.name.text === name && ts.isParameterPropertyDeclaration(p, member))) {
        fromOutside = true;
      }
    }
    walk(ts, owner, node => {
      if (ts.isBinaryExpression(node) && node.operatorToken.kind === ts.SyntaxKind.EqualsToken) {
        const left = skipOuter(ts, node.left);
        if (ts.isPropertyAccessExpression(left) && left.expression.kind === ts.SyntaxKind.ThisKeyword && left.name.text === name) values.push(node.right);
      }
    });
    if (fromOutside || values.length === 0 || values.length > MAX_VALUES) return UNKNOWN;
    return this.#combineValues(values, access, depth);
  }

  #combineValues(values: readonly TS.Expression[], at: TS.Node, depth: number): Ownership {
    if (this.#inProgress.has(at)) return UNKNOWN;
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
      if (name !== undefined && RETURNS_THIS.has(name)) return this.of(name === 'getRandomValues' ? (call.arguments[0] ?? callee.expression) : callee.expression, depth + 1);
    }
    const row = conversionAt(ts, this.#checker, call);
    if (row !== undefined) {
      if (row.result === 'copy') {
        if (row.hazards.includes('pool-aliasing')) return PART;
        if (!row.hazards.includes('class-dependent')) return WHOLE;
        // `x.slice()` copies unless x is a Node Buffer, whose slice is a view.
        const receiver = ts.isPropertyAccessExpression(callee) ? callee.expression : undefined;
        if (receiver === undefined) return UNKNOWN;
        if (!this.mayBeNodeBuffer(receiver)) return WHOLE;
        return classifyNode(ts, this.#checker, receiver) === 'Buffer' ? PART : UNKNOWN;
      }
      if (row.result === 'view' || row.result === 'reinterpret') {
        const args = call.arguments ?? [];
        // A view made over a whole ArrayBuffer, with no offset, spans it.
        if (ts.isNewExpression(call) && args.length === 1) {
          const kind = classifyNode(ts, this.#checker, args[0]!);
          if (kind === 'ArrayBuffer' || kind === 'SharedArrayBuffer' || kind === 'ResizableArrayBuffer' || kind === 'WebAssembly.Memory') return WHOLE;
          return this.of(args[0]!, depth + 1);
        }
        return args.length > 1 ? PART : UNKNOWN;
      }
      return UNKNOWN;
    }
    if (ts.isNewExpression(call)) return UNKNOWN;
    const fn = functionOf(ts, calleeDeclaration(ts, this.#checker, call));
    return fn === undefined ? UNKNOWN : this.#ofReturns(fn, depth);
  }

  /** What a function's returns hold, combined; cached per function. */
  #ofReturns(fn: FunctionWithBody, depth: number): Ownership {
    return this.#cache.get('memsafe/returned-ownership', fn, () => {
      if (this.#inProgress.has(fn)) return UNKNOWN;
      this.#inProgress.add(fn);
      try {
        const ts = this.#ts;
        const returns: TS.Expression[] = [];
        if (!ts.isBlock(fn.body)) returns.push(fn.body);
        else {
          walk(ts, fn.body, node => {
            if (ts.isFunctionLike(node)) return false;
            if (ts.isReturnStatement(node) && node.expression !== undefined) returns.push(node.expression);
            return true;
          });
        }
        const result = returns.length === 0 ? UNKNOWN : combine(returns.map(value => this.of(value, depth + 1)));
        // A parameter returned is the caller's own value: it says nothing here.
        return result.parameter === undefined ? result : UNKNOWN;
      } finally {
        this.#inProgress.delete(fn);
      }
    });
  }
}

function isHeapView(ts: typeof TS, node: TS.Expression): boolean {
  return (ts.isIdentifier(node) || ts.isPropertyAccessExpression(node)) && HEAP_VIEW_NAMES.has(ts.isIdentifier(node) ? node.text : node.name.text);
}

/** Several possible values: whole only if each is, part if any is. */
function combine(ownerships: readonly Ownership[]): Ownership {
  if (ownerships.some(o => o.whole === 'part')) return PART;
  if (ownerships.length > 0 && ownerships.every(o => o.whole === 'whole')) return WHOLE;
  return ownerships.length === 1 ? ownerships[0]! : UNKNOWN;
}
