import type TS from 'typescript';
import type { ProgramCache } from '../check.js';
import type { Lookup } from '../flow/domain.js';
import { ELEMENT, memberKey, symbolKey, type PathKey } from '../flow/paths.js';
import { classifyNode, TYPED_ARRAY_NAMES } from '../types/classify.js';
import {
  calleeDeclaration,
  classOfThis,
  functionOf,
  returnedValues,
  type FunctionWithBody,
} from '../util/functions.js';
import { perSourceFile } from '../syntax-cache.js';
import { constInitializer, variableOrField } from '../util/declarations.js';
import { callsByName } from '../util/name-index.js';
import { calledName, nodesOfKinds, skipOuter, walk } from '../util/syntax.js';
import { HEAP_VIEW_NAMES, isExportsObject, isFixedSizeMemory, isWasmMemory } from '../glue/wasm.js';
import { memoryKey, resizableMemories } from './resizable-memories.js';
import { isUnsharedLocalConst } from './unshared-locals.js';
import type { ViewInfo, ViewKind } from './view-info.js';

const RUNTIME_VIEW_METHODS: ReadonlySet<string> = new Set(['raw', 'asTypedArray', 'asDataView', 'asBuffer']);
/** The WebAssembly.Memory methods that hand back its buffer in a mode (Node 26). */
const MEMORY_BUFFER_METHODS: ReadonlySet<string> = new Set(['toResizableBuffer', 'toFixedLengthBuffer']);

/** Views a file keeps outside any one function: in module variables, members of module objects, and fields of `this`. */
export interface KeptViews {
  /** Module variables and members of module-level objects, by path, with the variable at their root. */
  readonly paths: ReadonlyMap<PathKey, { readonly root: TS.Symbol; readonly info: ViewInfo }>;
  /** Per class, the fields some constructor, method or initializer sets to a view (`views[]` for a collection's elements). */
  readonly fields: ReadonlyMap<TS.ClassLikeDeclaration, ReadonlyMap<string, ViewInfo>>;
}

/**
 * Recognises expressions that make a view of memory that can grow, shrink, be freed or detach:
 * typed arrays and DataViews over `memory.buffer` (or a variable holding it), `memory.buffer`
 * itself, Emscripten's `HEAPU8`…, views of a resizable buffer, @memsafe/runtime raw pointers and
 * typed arrays, views derived from any of these (`subarray`, `new T(v.buffer, …)`, `v.buffer`), and
 * calls of functions that return one (wasm-bindgen's `getUint8ArrayMemory0()`).
 */
export class ViewSources {
  readonly #ts: typeof TS;
  readonly #checker: TS.TypeChecker;
  readonly #cache: ProgramCache;
  readonly #exportObjects: ReadonlySet<string>;
  readonly #inProgress = new Set<TS.Node>();
  /** One info per origin and kind, so that states built twice from the same code compare equal. */
  readonly #infos = new WeakMap<TS.Node, Map<string, ViewInfo>>();

  /** The program, to find the memories it switches to resizable mode; without it, none are. */
  readonly #program: TS.Program | undefined;

  constructor(
    ts: typeof TS,
    checker: TS.TypeChecker,
    cache: ProgramCache,
    exportObjects: ReadonlySet<string>,
    program?: TS.Program,
  ) {
    this.#ts = ts;
    this.#checker = checker;
    this.#cache = cache;
    this.#exportObjects = exportObjects;
    this.#program = program;
  }

  #info(
    kind: ViewKind,
    origin: TS.Expression | TS.Node,
    root?: TS.Symbol,
    survivesShrink = false,
    block?: TS.Symbol,
  ): ViewInfo {
    let byKind = this.#infos.get(origin);
    if (byKind === undefined) this.#infos.set(origin, (byKind = new Map<string, ViewInfo>()));
    const id = `${kind}:${root === undefined ? '' : symbolKey(root)}:${survivesShrink}:${block === undefined ? '' : symbolKey(block)}`;
    let info = byKind.get(id);
    if (info === undefined) {
      info = {
        kind,
        origin: origin as TS.Expression,
        ...(root === undefined ? {} : { root }),
        ...(survivesShrink ? { survivesShrink } : {}),
        ...(block === undefined ? {} : { block }),
      };
      byKind.set(id, info);
    }
    return info;
  }

  /**
   * Derived from a tracked view: the same memory, made here (at an offset, so no longer safe from a
   * shrink), inside the same block, or inside the block whose address `start` is.
   */
  #derived(base: ViewInfo, origin: TS.Expression, fromStart = false, start?: TS.Expression): ViewInfo {
    const block =
      (base.kind === 'wasm' || base.kind === 'wasm-resizable') && start !== undefined
        ? this.#blockAt(start)
        : undefined;
    return this.#info(base.kind, origin, base.root, fromStart && base.survivesShrink === true, block ?? base.block);
  }

  /**
   * The variable or field holding the block address an offset starts from: `ptr`, `ptr >> 2`,
   * `this.ptr + 8`, and a memory64 address made a number, `Number(ptr)` (a typed array takes no
   * BigInt offset).
   */
  #blockAt(start: TS.Expression): TS.Symbol | undefined {
    const ts = this.#ts;
    let node = skipOuter(ts, start);
    for (;;) {
      if (ts.isBinaryExpression(node) && isBlockOffsetOperator(ts, node.operatorToken.kind))
        node = skipOuter(ts, node.left);
      else if (isNumberOfBigInt(ts, node)) node = skipOuter(ts, node.arguments[0]!);
      else break;
    }
    return variableOrField(ts, this.#checker, node);
  }

  track(expression: TS.Expression, lookup: Lookup<ViewInfo>, calls = true): ViewInfo | undefined {
    const ts = this.#ts;
    const node = skipOuter(ts, expression);
    if (
      ts.isNewExpression(node) &&
      ts.isIdentifier(node.expression) &&
      (TYPED_ARRAY_NAMES.has(node.expression.text) || node.expression.text === 'DataView')
    ) {
      const first = node.arguments?.[0];
      if (first === undefined) return undefined;
      const source = skipOuter(ts, first);
      const base = lookup(source);
      // `new T(view)` copies a typed array's elements; only a buffer is looked into.
      if (base !== undefined)
        return isCopiedByConstructor(ts, this.#checker, source)
          ? undefined
          : this.#derived(base.info, node, false, node.arguments?.[1]);
      const resizable = this.#resizableRoot(source, node);
      if (resizable !== undefined) return resizable;
      // `new T(memory.toResizableBuffer())`: a view of the ArrayBuffer the switch hands back (any
      // other call's typed array would be copied).
      if (ts.isCallExpression(source) && MEMORY_BUFFER_METHODS.has(calledName(ts, source) ?? '')) {
        const buffer = this.#fromCall(source, lookup, false);
        if (buffer !== undefined) return this.#derived(buffer, node, false, node.arguments?.[1]);
      }
      if (ts.isPropertyAccessExpression(source) && source.name.text === 'buffer') {
        // `new T(v.buffer, …)` over a tracked view looks into the same memory.
        const owner = lookup(source.expression);
        const start = node.arguments?.[1];
        if (owner !== undefined) return this.#derived(owner.info, node, false, start);
        const memory = this.#memoryKind(source.expression) ?? (isHeapView(ts, source.expression) ? 'wasm' : undefined);
        if (memory !== undefined)
          return this.#info(memory, node, undefined, false, start === undefined ? undefined : this.#blockAt(start));
      }
      return undefined;
    }
    if (ts.isPropertyAccessExpression(node)) return this.trackMember(node.expression, node.name.text, node, lookup);
    if (ts.isIdentifier(node) && HEAP_VIEW_NAMES.has(node.text)) return this.#info('wasm', node);
    if (ts.isCallExpression(node)) return this.#fromCall(node, lookup, calls);
    return undefined;
  }

  /** `object.name` read by a property access or by destructuring. */
  trackMember(object: TS.Expression, name: string, origin: TS.Node, lookup: Lookup<ViewInfo>): ViewInfo | undefined {
    if (name === 'buffer') {
      const owner = lookup(object);
      if (owner !== undefined) return this.#derived(owner.info, origin as TS.Expression);
      const memory = this.#memoryKind(object);
      return memory === undefined ? undefined : this.#info(memory, origin);
    }
    if (HEAP_VIEW_NAMES.has(name)) return this.#info('wasm', origin);
    if (name === 'array') {
      const owner = lookup(object);
      if (owner !== undefined) return this.#derived(owner.info, origin as TS.Expression);
    }
    return undefined;
  }

  /** A WebAssembly.Memory that may grow: any but one made here with `maximum` equal to `initial`. */
  #isGrowableMemory(expression: TS.Expression): boolean {
    return (
      isWasmMemory(this.#ts, this.#checker, expression, this.#exportObjects) &&
      !isFixedSizeMemory(this.#ts, this.#checker, expression)
    );
  }

  /**
   * The kind of view `expression.buffer` gives, for a memory that may grow: `wasm-resizable` where
   * the program switches that memory to resizable mode and never back, `wasm` otherwise.
   */
  #memoryKind(expression: TS.Expression): 'wasm' | 'wasm-resizable' | undefined {
    if (!this.#isGrowableMemory(expression)) return undefined;
    if (this.#program === undefined) return 'wasm';
    const switched = resizableMemories(this.#ts, this.#checker, this.#program, this.#cache, this.#exportObjects);
    if (switched.size === 0) return 'wasm';
    const key = memoryKey(this.#ts, this.#checker, expression);
    return key !== undefined && switched.has(key) ? 'wasm-resizable' : 'wasm';
  }

  #fromCall(call: TS.CallExpression, lookup: Lookup<ViewInfo>, calls: boolean): ViewInfo | undefined {
    const ts = this.#ts;
    const callee = skipOuter(ts, call.expression);
    if (ts.isPropertyAccessExpression(callee)) {
      const method = callee.name.text;
      const receiver = skipOuter(ts, callee.expression);
      // A sub-view shares the bytes, and dies with them.
      if (method === 'subarray') {
        const base =
          lookup(receiver)?.info ?? (ts.isIdentifier(receiver) ? undefined : this.track(receiver, lookup, calls));
        if (base !== undefined) return this.#derived(base, call, call.arguments.length === 0, call.arguments[0]);
      }
      if (RUNTIME_VIEW_METHODS.has(method) && classifyNode(ts, this.#checker, receiver) === 'memsafe.View')
        return this.#info('runtime', call);
      // `memory.toResizableBuffer()` is the buffer growth no longer detaches; `toFixedLengthBuffer()` one it does.
      if (MEMORY_BUFFER_METHODS.has(method) && this.#isGrowableMemory(receiver))
        return this.#info(method === 'toResizableBuffer' ? 'wasm-resizable' : 'wasm', call);
      // Embind's `typed_memory_view`: a typed array an export hands back looks into wasm memory.
      if (
        isViewKind(classifyNode(ts, this.#checker, call)) &&
        isExportsObject(ts, this.#checker, receiver, this.#exportObjects)
      )
        return this.#info('wasm', call);
    }
    if (!calls || call.arguments.length > 2) return undefined;
    const fn = functionOf(ts, calleeDeclaration(ts, this.#checker, call));
    return fn !== undefined && this.returnsView(fn) ? this.#info('wasm', call) : undefined;
  }

  /**
   * The parameters of a function that every call of it in its file passes a view of wasm memory:
   * wasm-bindgen's import shims hand `&[u8]` arguments over as views of the memory itself.
   */
  viewParameters(fn: TS.SignatureDeclaration): ReadonlyMap<PathKey, ViewInfo> {
    return this.#cache.get('memsafe/view-parameters', fn, () => {
      const ts = this.#ts;
      const found = new Map<PathKey, ViewInfo>();
      const name = functionName(ts, fn);
      if (name === undefined || fn.parameters.length === 0) return found;
      const calls = (callsByName(ts, fn.getSourceFile()).get(name) ?? []).filter(ts.isCallExpression);
      const none: Lookup<ViewInfo> = () => undefined;
      fn.parameters.forEach((parameter, index) => {
        if (!ts.isIdentifier(parameter.name) || calls.length === 0) return;
        // The shapes first, on syntax alone: most parameters fail there without a question to the checker.
        const passed = calls.map(call => call.arguments[index]);
        if (
          !passed.every(
            argument =>
              argument !== undefined && (mayBeSource(ts, argument) || ts.isCallExpression(skipOuter(ts, argument))),
          )
        )
          return;
        if (!passed.every(argument => this.track(argument!, none)?.kind === 'wasm')) return;
        const symbol = this.#checker.getSymbolAtLocation(parameter.name);
        if (
          symbol !== undefined &&
          calls.every(call => functionOf(ts, calleeDeclaration(ts, this.#checker, call)) === fn)
        )
          found.set(symbolKey(symbol), this.#info('wasm', parameter));
      });
      return found;
    });
  }

  /** Whether a function returns a view of wasm memory (a cached getter); cached per function. */
  returnsView(fn: FunctionWithBody): boolean {
    return this.#cache.get('memsafe/returns-wasm-view', fn, () => {
      if (this.#inProgress.has(fn)) return false;
      this.#inProgress.add(fn);
      try {
        const none: Lookup<ViewInfo> = () => undefined;
        return returnedValues(this.#ts, fn).some(
          expression => this.#returnedView(expression, none) || this.#isKeptView(expression),
        );
      } finally {
        this.#inProgress.delete(fn);
      }
    });
  }

  /** A returned expression that is a wasm view: made there, or a `const` of the function made so. */
  #returnedView(expression: TS.Expression, none: Lookup<ViewInfo>): boolean {
    const ts = this.#ts;
    const node = skipOuter(ts, expression);
    const init = ts.isIdentifier(node) ? constInitializer(ts, this.#checker, node) : undefined;
    return this.track(init ?? node, none)?.kind === 'wasm';
  }

  /** A variable, member or field that some assignment or initializer in its file makes a wasm view (a cache). */
  #isKeptView(expression: TS.Expression): boolean {
    const ts = this.#ts;
    const node = skipOuter(ts, expression);
    if (ts.isIdentifier(node)) {
      const symbol = this.#checker.getSymbolAtLocation(node);
      const declaration = symbol?.valueDeclaration;
      return (
        symbol !== undefined &&
        declaration !== undefined &&
        this.keptViews(declaration.getSourceFile()).paths.has(symbolKey(symbol))
      );
    }
    if (ts.isPropertyAccessExpression(node) && node.expression.kind === ts.SyntaxKind.ThisKeyword) {
      const owner = classOfThis(ts, node);
      return (
        owner !== undefined && (this.keptViews(node.getSourceFile()).fields.get(owner)?.has(node.name.text) ?? false)
      );
    }
    return false;
  }

  /**
   * The views a file keeps in module variables, members of module objects and class fields, read
   * off its initializers and assignments; cached per file. Only syntactic origins count (a call's
   * result would need `returnsView`, which asks this very list).
   */
  keptViews(sourceFile: TS.SourceFile): KeptViews {
    // A function's returns may ask about the very file being read: it holds nothing yet.
    if (this.#inProgress.has(sourceFile)) return NOTHING_KEPT;
    return this.#cache.get('memsafe/kept-views', sourceFile, () => {
      this.#inProgress.add(sourceFile);
      try {
        return this.#collectKept(sourceFile);
      } finally {
        this.#inProgress.delete(sourceFile);
      }
    });
  }

  #collectKept(sourceFile: TS.SourceFile): KeptViews {
    const ts = this.#ts;
    const paths = new Map<PathKey, { root: TS.Symbol; info: ViewInfo }>();
    const fields = new Map<TS.ClassLikeDeclaration, Map<string, ViewInfo>>();
    const none: Lookup<ViewInfo> = () => undefined;
    for (const candidate of viewCandidates(ts, sourceFile)) {
      // Views put into a collection are often made by a helper (`cache.set(key, getView(ptr))`).
      const info = this.track(candidate.value, none, candidate.member?.endsWith(ELEMENT) === true);
      if (info === undefined) continue;
      if (candidate.kind === 'field') {
        const own = fields.get(candidate.owner) ?? new Map<string, ViewInfo>();
        if (!own.has(candidate.member)) own.set(candidate.member, info);
        fields.set(candidate.owner, own);
        continue;
      }
      const root = this.#checker.getSymbolAtLocation(candidate.root);
      if (root === undefined || refreshedOnGrowth(ts, sourceFile).has(candidate.root.text)) continue;
      const key = candidate.member === undefined ? symbolKey(root) : memberKey(symbolKey(root), candidate.member);
      if (key !== undefined && !paths.has(key)) paths.set(key, { root, info });
    }
    return { paths, fields };
  }

  /**
   * A view of a resizable ArrayBuffer kept in a variable or a field (`new ArrayBuffer(n, {
   * maxByteLength })`): fixed-length views (a length given) fall out of bounds when it shrinks, and
   * so do length-tracking ones that start at an offset; a length-tracking view from the start only
   * gets shorter, but is tracked, so that views derived from it are.
   */
  #resizableRoot(buffer: TS.Expression, origin: TS.NewExpression): ViewInfo | undefined {
    const ts = this.#ts;
    if (
      !ts.isIdentifier(buffer) &&
      !(ts.isPropertyAccessExpression(buffer) && buffer.expression.kind === ts.SyntaxKind.ThisKeyword)
    )
      return undefined;
    const symbol = this.#checker.getSymbolAtLocation(ts.isIdentifier(buffer) ? buffer : buffer.name);
    const declaration = symbol?.valueDeclaration;
    if (
      symbol === undefined ||
      declaration === undefined ||
      !(ts.isVariableDeclaration(declaration) || ts.isPropertyDeclaration(declaration)) ||
      declaration.initializer === undefined
    )
      return undefined;
    const init = skipOuter(ts, declaration.initializer);
    const resizable =
      ts.isNewExpression(init) &&
      ts.isIdentifier(init.expression) &&
      init.expression.text === 'ArrayBuffer' &&
      init.arguments?.[1] !== undefined &&
      ts.isObjectLiteralExpression(init.arguments[1]) &&
      init.arguments[1].properties.some(
        p => p.name !== undefined && ts.isIdentifier(p.name) && p.name.text === 'maxByteLength',
      );
    if (!resizable) return undefined;
    const args = origin.arguments ?? [];
    const offset = args[1] === undefined ? undefined : skipOuter(ts, args[1]);
    const fromStart =
      args.length < 3 && (offset === undefined || (ts.isNumericLiteral(offset) && Number(offset.text) === 0));
    return this.#info('resizable', origin, symbol, fromStart);
  }
}

/** `Number(x)` with one argument: how a memory64 address (a BigInt) becomes a typed array's offset. */
function isNumberOfBigInt(ts: typeof TS, node: TS.Expression): node is TS.CallExpression {
  return (
    ts.isCallExpression(node) &&
    ts.isIdentifier(node.expression) &&
    node.expression.text === 'Number' &&
    node.arguments.length === 1
  );
}

/** How an offset is computed from a block's address: `ptr >> 2`, `ptr >>> 2`, `ptr / 4`, `ptr + 8`. */
function isBlockOffsetOperator(ts: typeof TS, kind: TS.SyntaxKind): boolean {
  const { GreaterThanGreaterThanToken, GreaterThanGreaterThanGreaterThanToken, SlashToken, PlusToken } = ts.SyntaxKind;
  return (
    kind === GreaterThanGreaterThanToken ||
    kind === GreaterThanGreaterThanGreaterThanToken ||
    kind === SlashToken ||
    kind === PlusToken
  );
}

/** `new T(source)` with a typed array or DataView for source: a copy of its elements, not a view of its bytes. */
function isCopiedByConstructor(ts: typeof TS, checker: TS.TypeChecker, source: TS.Expression): boolean {
  const kind = classifyNode(ts, checker, source);
  return isViewKind(kind) || kind === 'Buffer';
}

function isViewKind(kind: string | undefined): boolean {
  return kind === 'TypedArray' || kind === 'BigIntTypedArray' || kind === 'DataView';
}

/** `Module.HEAPU8`, `HEAPU8`: an Emscripten heap view, whose `.buffer` is the memory's. */
function isHeapView(ts: typeof TS, expression: TS.Expression): boolean {
  const node = skipOuter(ts, expression);
  if (ts.isIdentifier(node)) return HEAP_VIEW_NAMES.has(node.text);
  return ts.isPropertyAccessExpression(node) && HEAP_VIEW_NAMES.has(node.name.text);
}

const NOTHING_KEPT: KeptViews = { paths: new Map(), fields: new Map() };

/** A place outside any one function that is given a value that may be a view. */
type Candidate =
  | { readonly kind: 'path'; readonly root: TS.Identifier; readonly member?: string; readonly value: TS.Expression }
  | {
      readonly kind: 'field';
      readonly owner: TS.ClassLikeDeclaration;
      readonly member: string;
      readonly value: TS.Expression;
    };

const RUNTIME_OR_SUBVIEW: ReadonlySet<string> = new Set(['subarray', ...RUNTIME_VIEW_METHODS]);
const COLLECTION_ADDERS: ReadonlySet<string> = new Set(['push', 'unshift', 'add', 'set']);

/**
 * The declarations and assignments of a file whose value has the shape of a view origin: variables,
 * members of objects (`state.heap = …`, `{ heap: … }`) and fields of `this`. Read once per file
 * version, so that each new program (an editor's keystroke) asks the checker only about these few.
 * Emscripten's `Module.HEAPU8` is no member here: its runtime re-creates it on every growth.
 */
function viewCandidates(ts: typeof TS, sourceFile: TS.SourceFile): readonly Candidate[] {
  return perSourceFile('memsafe/view-candidates', sourceFile, () => {
    const found: Candidate[] = [];
    const add = (target: TS.Node, value: TS.Expression, member?: string): void => {
      const literal = skipOuter(ts, value);
      // `this.wasm = { HEAPF32: new Float32Array(memory.buffer), … }`: each member that is a view.
      if (member === undefined && ts.isObjectLiteralExpression(literal)) {
        for (const property of literal.properties) {
          if (ts.isPropertyAssignment(property) && ts.isIdentifier(property.name))
            add(target, property.initializer, property.name.text);
        }
        return;
      }
      if (!mayBeSource(ts, value)) return;
      if (member !== undefined) {
        const object = skipOuter(ts, target as TS.Expression);
        if (ts.isIdentifier(object)) found.push({ kind: 'path', root: object, member, value });
        else if (ts.isPropertyAccessExpression(object) && object.expression.kind === ts.SyntaxKind.ThisKeyword) {
          const owner = classOfThis(ts, object);
          if (owner !== undefined) found.push({ kind: 'field', owner, member: `${object.name.text}.${member}`, value });
        }
        return;
      }
      if (ts.isIdentifier(target)) {
        found.push({ kind: 'path', root: target, value });
        return;
      }
      if (!ts.isPropertyAccessExpression(target) || HEAP_VIEW_NAMES.has(target.name.text)) return;
      const object = skipOuter(ts, target.expression);
      if (object.kind === ts.SyntaxKind.ThisKeyword) {
        const owner = classOfThis(ts, target);
        if (owner !== undefined) found.push({ kind: 'field', owner, member: target.name.text, value });
      } else if (ts.isIdentifier(object)) {
        found.push({ kind: 'path', root: object, member: target.name.text, value });
      }
    };
    const kinds = [
      ts.SyntaxKind.VariableDeclaration,
      ts.SyntaxKind.BinaryExpression,
      ts.SyntaxKind.CallExpression,
      ts.SyntaxKind.PropertyDeclaration,
    ];
    const escapes = new Map<TS.Node, readonly TS.Node[]>();
    for (const node of nodesOfKinds(ts, sourceFile, kinds)) {
      if (ts.isVariableDeclaration(node) && node.initializer !== undefined && ts.isIdentifier(node.name)) {
        if (isUnsharedLocalConst(ts, sourceFile, node as TS.VariableDeclaration & { name: TS.Identifier }, escapes))
          continue;
        const init = skipOuter(ts, node.initializer);
        if (ts.isArrayLiteralExpression(init)) {
          for (const element of init.elements)
            if (mayBeSource(ts, element))
              found.push({ kind: 'path', root: node.name, member: ELEMENT, value: element });
        } else {
          add(node.name, node.initializer);
        }
      } else if (ts.isBinaryExpression(node) && node.operatorToken.kind === ts.SyntaxKind.EqualsToken) {
        add(skipOuter(ts, node.left), node.right);
      } else if (
        ts.isCallExpression(node) &&
        ts.isPropertyAccessExpression(node.expression) &&
        COLLECTION_ADDERS.has(node.expression.name.text)
      ) {
        // `views.push(new Uint8Array(memory.buffer))`, `this.cache.set(key, view)`: an element of the collection.
        const collection = skipOuter(ts, node.expression.expression);
        const value = node.arguments.find(
          argument => mayBeSource(ts, argument) || ts.isCallExpression(skipOuter(ts, argument)),
        );
        if (value === undefined) continue;
        if (ts.isIdentifier(collection)) found.push({ kind: 'path', root: collection, member: ELEMENT, value });
        else if (
          ts.isPropertyAccessExpression(collection) &&
          collection.expression.kind === ts.SyntaxKind.ThisKeyword
        ) {
          const owner = classOfThis(ts, collection);
          if (owner !== undefined)
            found.push({ kind: 'field', owner, member: `${collection.name.text}${ELEMENT}`, value });
        }
      } else if (
        ts.isPropertyDeclaration(node) &&
        node.initializer !== undefined &&
        (ts.isIdentifier(node.name) || ts.isPrivateIdentifier(node.name)) &&
        ts.isClassLike(node.parent)
      ) {
        if (mayBeSource(ts, node.initializer))
          found.push({ kind: 'field', owner: node.parent, member: node.name.text, value: node.initializer });
      }
    }
    return found;
  });
}

/** The shapes `track` can accept without following calls, tested on syntax alone. */
function mayBeSource(ts: typeof TS, expression: TS.Expression): boolean {
  const node = skipOuter(ts, expression);
  if (ts.isNewExpression(node))
    return (
      ts.isIdentifier(node.expression) &&
      (TYPED_ARRAY_NAMES.has(node.expression.text) || node.expression.text === 'DataView') &&
      (node.arguments?.length ?? 0) > 0
    );
  if (ts.isPropertyAccessExpression(node))
    return node.name.text === 'buffer' || node.name.text === 'array' || HEAP_VIEW_NAMES.has(node.name.text);
  if (ts.isIdentifier(node)) return HEAP_VIEW_NAMES.has(node.text);
  if (ts.isCallExpression(node))
    return ts.isPropertyAccessExpression(node.expression) && RUNTIME_OR_SUBVIEW.has(node.expression.name.text);
  return false;
}

/** The name a function is called by: its own, or the variable or property it is assigned to. */
function functionName(ts: typeof TS, fn: TS.SignatureDeclaration): string | undefined {
  if ((ts.isFunctionDeclaration(fn) || ts.isMethodDeclaration(fn)) && fn.name !== undefined && ts.isIdentifier(fn.name))
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

/**
 * Variables of a file that a function re-derives from memory, where that function is handed to
 * other code to call (`instantiate(imports, () => updateViews())`, `{ env: { on_grow: updateViews } }`):
 * the runtime calls it on growth, as Emscripten's glue calls `updateMemoryViews()`, so the views
 * are never stale. Read off the syntax, once per file version.
 */
function refreshedOnGrowth(ts: typeof TS, sourceFile: TS.SourceFile): ReadonlySet<string> {
  return perSourceFile('memsafe/refreshed-on-growth', sourceFile, () => {
    const refreshers = new Map<string, Set<string>>();
    walk(ts, sourceFile, node => {
      const fn =
        ts.isFunctionDeclaration(node) || ts.isArrowFunction(node) || ts.isFunctionExpression(node) ? node : undefined;
      const name = fn === undefined ? undefined : functionName(ts, fn);
      if (fn?.body === undefined || name === undefined) return;
      const assigned = new Set<string>();
      walk(ts, fn.body, inner => {
        if (
          ts.isBinaryExpression(inner) &&
          inner.operatorToken.kind === ts.SyntaxKind.EqualsToken &&
          ts.isIdentifier(inner.left) &&
          mayBeSource(ts, inner.right)
        )
          assigned.add(inner.left.text);
      });
      if (assigned.size > 0) refreshers.set(name, assigned);
    });
    const refreshed = new Set<string>();
    if (refreshers.size === 0) return refreshed;
    walk(ts, sourceFile, node => {
      if (!ts.isIdentifier(node) || !refreshers.has(node.text) || isDeclarationName(ts, node)) return;
      const parent = node.parent;
      const called = ts.isCallExpression(parent) && parent.expression === node;
      // Handed over as a value, or called from a function that is handed over.
      const handedOver =
        !called ||
        isHandedOver(
          ts,
          ts.findAncestor(parent, n => ts.isArrowFunction(n) || ts.isFunctionExpression(n)),
        );
      if (handedOver) for (const name of refreshers.get(node.text)!) refreshed.add(name);
    });
    return refreshed;
  });
}

function isDeclarationName(ts: typeof TS, node: TS.Identifier): boolean {
  const parent = node.parent;
  return (
    (ts.isFunctionDeclaration(parent) ||
      ts.isVariableDeclaration(parent) ||
      ts.isPropertyDeclaration(parent) ||
      ts.isMethodDeclaration(parent)) &&
    parent.name === node
  );
}

/** A function expression passed as an argument or stored as a property value: other code calls it. */
function isHandedOver(ts: typeof TS, fn: TS.Node | undefined): boolean {
  if (fn === undefined) return false;
  const parent = fn.parent;
  return (
    ((ts.isCallExpression(parent) || ts.isNewExpression(parent)) && parent.expression !== fn) ||
    ts.isPropertyAssignment(parent)
  );
}
