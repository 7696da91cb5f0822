import type TS from 'typescript';
import type { ProgramCache } from '../../check.js';
import type { Lookup } from '../../flow/domain.js';
import { classifyNode, TYPED_ARRAY_NAMES } from '../../types/classify.js';
import { calleeDeclaration, functionOf, type FunctionWithBody } from '../../util/functions.js';
import { perSourceFile } from '../../syntax-cache.js';
import { skipOuter, walk } from '../../util/syntax.js';
import { HEAP_VIEW_NAMES, isWasmMemory } from './glue.js';
import type { ViewInfo } from './view-info.js';

const RUNTIME_VIEW_METHODS: ReadonlySet<string> = new Set(['raw', 'asTypedArray', 'asDataView', 'asBuffer']);

/**
 * Recognises expressions that make a view of memory that can grow, shrink, be freed or detach:
 * typed arrays and DataViews over `memory.buffer` (or a variable holding it), `memory.buffer`
 * itself, Emscripten's `HEAPU8`…, views of a resizable buffer, @memsafe/runtime raw pointers and
 * typed arrays, sub-views of any of these, and calls of functions that return one (wasm-bindgen's
 * `getUint8ArrayMemory0()`).
 */
export class ViewSources {
  readonly #ts: typeof TS;
  readonly #checker: TS.TypeChecker;
  readonly #cache: ProgramCache;
  readonly #exportObjects: ReadonlySet<string>;
  readonly #inProgress = new Set<TS.Node>();

  constructor(ts: typeof TS, checker: TS.TypeChecker, cache: ProgramCache, exportObjects: ReadonlySet<string>) {
    this.#ts = ts;
    this.#checker = checker;
    this.#cache = cache;
    this.#exportObjects = exportObjects;
  }

  track(expression: TS.Expression, lookup: Lookup<ViewInfo>, calls = true): ViewInfo | undefined {
    const ts = this.#ts;
    const node = skipOuter(ts, expression);
    if (ts.isNewExpression(node) && ts.isIdentifier(node.expression) && (TYPED_ARRAY_NAMES.has(node.expression.text) || node.expression.text === 'DataView')) {
      const first = node.arguments?.[0];
      if (first === undefined) return undefined;
      const source = skipOuter(ts, first);
      if (ts.isIdentifier(source)) {
        const entry = lookup(source);
        if (entry !== undefined) return { ...entry.info, origin: node };
        // Without a length the view tracks the buffer's length and survives a shrink.
        const fixedLength = (node.arguments?.length ?? 0) >= 3;
        return fixedLength ? this.#resizableRoot(source, node) : undefined;
      }
      if (ts.isPropertyAccessExpression(source) && source.name.text === 'buffer' && isWasmMemory(ts, this.#checker, source.expression, this.#exportObjects)) {
        return { kind: 'wasm', origin: node };
      }
      return undefined;
    }
    if (ts.isPropertyAccessExpression(node)) {
      const name = node.name.text;
      if (name === 'buffer' && isWasmMemory(ts, this.#checker, node.expression, this.#exportObjects)) return { kind: 'wasm', origin: node };
      if (HEAP_VIEW_NAMES.has(name)) return { kind: 'wasm', origin: node };
      if (name === 'array' && ts.isIdentifier(node.expression)) {
        const entry = lookup(node.expression);
        if (entry !== undefined) return { ...entry.info, origin: node };
      }
      return undefined;
    }
    if (ts.isIdentifier(node) && HEAP_VIEW_NAMES.has(node.text)) return { kind: 'wasm', origin: node };
    if (ts.isCallExpression(node)) return this.#fromCall(node, lookup, calls);
    return undefined;
  }

  #fromCall(call: TS.CallExpression, lookup: Lookup<ViewInfo>, calls: boolean): ViewInfo | undefined {
    const ts = this.#ts;
    const callee = skipOuter(ts, call.expression);
    if (ts.isPropertyAccessExpression(callee)) {
      const method = callee.name.text;
      const receiver = skipOuter(ts, callee.expression);
      // A sub-view shares the bytes, and dies with them.
      if (method === 'subarray') {
        const base = ts.isIdentifier(receiver) ? lookup(receiver)?.info : this.track(receiver, lookup, calls);
        if (base !== undefined) return { ...base, origin: call };
      }
      if (RUNTIME_VIEW_METHODS.has(method) && classifyNode(ts, this.#checker, receiver) === 'memsafe.View') return { kind: 'runtime', origin: call };
    }
    if (!calls || call.arguments.length > 2) return undefined;
    const fn = functionOf(ts, calleeDeclaration(ts, this.#checker, call));
    return fn !== undefined && this.returnsView(fn) ? { kind: 'wasm', origin: call } : undefined;
  }

  /** Whether a function returns a view of wasm memory (a cached getter); cached per function. */
  returnsView(fn: FunctionWithBody): boolean {
    return this.#cache.get('memsafe/returns-wasm-view', fn, () => {
      if (this.#inProgress.has(fn)) return false;
      this.#inProgress.add(fn);
      try {
        const none: Lookup<ViewInfo> = () => undefined;
        const returns: TS.Expression[] = [];
        if (!this.#ts.isBlock(fn.body)) returns.push(fn.body);
        else {
          walk(this.#ts, fn.body, node => {
            if (this.#ts.isFunctionLike(node)) return false;
            if (this.#ts.isReturnStatement(node) && node.expression !== undefined) returns.push(node.expression);
            return true;
          });
        }
        return returns.some(expression => this.track(expression, none)?.kind === 'wasm' || this.#isTrackedVariable(expression));
      } finally {
        this.#inProgress.delete(fn);
      }
    });
  }

  /** A variable that some assignment or initializer in its file makes a wasm view (a module-level cache). */
  #isTrackedVariable(expression: TS.Expression): boolean {
    const node = skipOuter(this.#ts, expression);
    if (!this.#ts.isIdentifier(node)) return false;
    const symbol = this.#checker.getSymbolAtLocation(node);
    const declaration = symbol?.valueDeclaration;
    return symbol !== undefined && declaration !== undefined && this.trackedDeclarations(declaration.getSourceFile()).has(symbol);
  }

  /** Variables of a file that an initializer or an assignment makes a view; cached per file. */
  trackedDeclarations(sourceFile: TS.SourceFile): ReadonlyMap<TS.Symbol, ViewInfo> {
    return this.#cache.get('memsafe/tracked-variables', sourceFile, () => this.#collectTracked(sourceFile));
  }


  #collectTracked(sourceFile: TS.SourceFile): Map<TS.Symbol, ViewInfo> {
    const found = new Map<TS.Symbol, ViewInfo>();
    const none: Lookup<ViewInfo> = () => undefined;
    for (const { name, value, assignment } of viewCandidates(this.#ts, sourceFile)) {
      // Syntactic sources only: a call's result would need `returnsView`, which asks this very list.
      const info = this.track(value, none, false);
      const symbol = info === undefined ? undefined : this.#checker.getSymbolAtLocation(name);
      if (info !== undefined && symbol !== undefined && !(assignment && found.has(symbol))) found.set(symbol, info);
    }
    return found;
  }

  #resizableRoot(buffer: TS.Identifier, origin: TS.Expression): ViewInfo | undefined {
    const ts = this.#ts;
    const symbol = this.#checker.getSymbolAtLocation(buffer);
    const declaration = symbol?.valueDeclaration;
    if (symbol === undefined || declaration === undefined || !ts.isVariableDeclaration(declaration) || declaration.initializer === undefined) return undefined;
    const init = skipOuter(ts, declaration.initializer);
    const resizable =
      ts.isNewExpression(init) &&
      ts.isIdentifier(init.expression) &&
      init.expression.text === 'ArrayBuffer' &&
      init.arguments?.[1] !== undefined &&
      ts.isObjectLiteralExpression(init.arguments[1]) &&
      init.arguments[1].properties.some(p => p.name !== undefined && ts.isIdentifier(p.name) && p.name.text === 'maxByteLength');
    return resizable ? { kind: 'resizable', origin, root: symbol } : undefined;
  }
}

/** A variable given a value that may be a view: `const v = …` or `v = …`. */
interface Candidate {
  readonly name: TS.Identifier;
  readonly value: TS.Expression;
  readonly assignment: boolean;
}

const RUNTIME_OR_SUBVIEW: ReadonlySet<string> = new Set(['subarray', ...RUNTIME_VIEW_METHODS]);

/**
 * The declarations and assignments of a file whose value has the shape of a view origin; read
 * once per file version, so that each new program (an editor's keystroke) asks the checker only
 * about these few, and only in files that changed or are new to it.
 */
function viewCandidates(ts: typeof TS, sourceFile: TS.SourceFile): readonly Candidate[] {
  return perSourceFile('memsafe/view-candidates', sourceFile, () => {
    const found: Candidate[] = [];
    walk(ts, sourceFile, node => {
      if (ts.isVariableDeclaration(node) && node.initializer !== undefined && ts.isIdentifier(node.name) && mayBeSource(ts, node.initializer)) {
        found.push({ name: node.name, value: node.initializer, assignment: false });
      } else if (ts.isBinaryExpression(node) && node.operatorToken.kind === ts.SyntaxKind.EqualsToken && ts.isIdentifier(node.left) && mayBeSource(ts, node.right)) {
        found.push({ name: node.left, value: node.right, assignment: true });
      }
    });
    return found;
  });
}

/** The shapes `track` can accept without following calls, tested on syntax alone. */
function mayBeSource(ts: typeof TS, expression: TS.Expression): boolean {
  const node = skipOuter(ts, expression);
  if (ts.isNewExpression(node)) return ts.isIdentifier(node.expression) && (TYPED_ARRAY_NAMES.has(node.expression.text) || node.expression.text === 'DataView') && (node.arguments?.length ?? 0) > 0;
  if (ts.isPropertyAccessExpression(node)) return node.name.text === 'buffer' || node.name.text === 'array' || HEAP_VIEW_NAMES.has(node.name.text);
  if (ts.isIdentifier(node)) return HEAP_VIEW_NAMES.has(node.text);
  if (ts.isCallExpression(node)) return ts.isPropertyAccessExpression(node.expression) && RUNTIME_OR_SUBVIEW.has(node.expression.name.text);
  return false;
}
