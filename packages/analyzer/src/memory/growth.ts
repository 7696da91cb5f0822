import type TS from 'typescript';
import type { ProgramCache } from '../check.js';
import type { Invalidation } from '../flow/state.js';
import { classifyNode } from '../types/classify.js';
import {
  callName,
  calleeDeclaration,
  functionOf,
  ownCalls,
  whereIs,
  type FunctionWithBody,
} from '../util/functions.js';
import { hasMemsafeTag } from '../util/jsdoc.js';
import { skipOuter, walk } from '../util/syntax.js';
import { EMSCRIPTEN_RUNTIME_HELPERS, isEmscriptenModule, isExportsObject, isWasmMemory } from '../glue/wasm.js';
import { binaryBesides, exportsOfBinaryThatCannotGrow } from '../glue/wasm-binary-file.js';
import { eventById, type EventId } from '../conversions/events.js';
import type { ViewKind } from './view-info.js';

/** An event that may invalidate views of some kinds (and, for a resize, of one buffer). */
export interface Growth {
  /** The row of the events table the call is, or leads to. */
  readonly event: EventId;
  readonly invalidation: Invalidation;
  readonly kinds: ReadonlySet<ViewKind>;
  readonly root?: TS.Symbol;
}

export interface GrowthOptions {
  readonly exportObjects: ReadonlySet<string>;
  readonly pureFunctions: ReadonlySet<string>;
  readonly growingFunctions: ReadonlySet<string>;
}

const WASM: ReadonlySet<ViewKind> = new Set(['wasm', 'runtime']);
const RUNTIME: ReadonlySet<ViewKind> = new Set(['runtime']);
const RESIZABLE: ReadonlySet<ViewKind> = new Set(['resizable']);
/** What a switch of a wasm memory's mode detaches: the buffer of the mode it leaves, and its views. */
const SWITCHES: Readonly<Record<string, { readonly event: EventId; readonly kinds: ReadonlySet<ViewKind> }>> = {
  toResizableBuffer: { event: 'wasm-memory-to-resizable', kinds: new Set<ViewKind>(['wasm']) },
  toFixedLengthBuffer: { event: 'wasm-memory-to-fixed-length', kinds: new Set<ViewKind>(['wasm-resizable']) },
};
const WASM_EVENT = eventById('wasm-export-call').words;
const ALLOCATOR_EVENT = eventById('wasm-allocator-call').words;

/**
 * Decides which calls may grow memory: the direct ones (memory.grow, a resize, a wasm export,
 * an allocator the glue passes around) and, through summaries cached per declaration, every
 * function that reaches one — across files, through the type checker.
 */
export class GrowthOracle {
  readonly #ts: typeof TS;
  readonly #checker: TS.TypeChecker;
  readonly #cache: ProgramCache;
  readonly #options: GrowthOptions;
  readonly #inProgress = new Set<TS.Node>();

  constructor(ts: typeof TS, checker: TS.TypeChecker, cache: ProgramCache, options: GrowthOptions) {
    this.#ts = ts;
    this.#checker = checker;
    this.#cache = cache;
    this.#options = options;
  }

  /** The first call in a file that may grow memory, for messages that need an example; cached per file. */
  firstGrowthIn(sourceFile: TS.SourceFile): Growth | undefined {
    return this.#cache.get('memsafe/first-growth', sourceFile, () => {
      let found: Growth | undefined;
      walk(this.#ts, sourceFile, node => {
        if (found !== undefined) return false;
        if (this.#ts.isCallExpression(node)) found = this.ofCall(node);
        return found === undefined;
      });
      return found;
    });
  }

  /** What a call may do to views, as seen from the calling code. */
  ofCall(call: TS.CallExpression): Growth | undefined {
    const direct = this.#direct(call);
    if (direct !== undefined) return direct;
    const declaration = calleeDeclaration(this.#ts, this.#checker, call);
    if (declaration === undefined) return undefined;
    const name = callName(this.#ts, call, call.getSourceFile());
    if (hasMemsafeTag(this.#ts, declaration, 'pure')) return undefined;
    if (hasMemsafeTag(this.#ts, declaration, 'grows')) {
      return {
        event: 'wasm-export-call',
        invalidation: { site: call, what: name, event: 'may grow the memory (its declaration says `@memsafe grows`)' },
        kinds: WASM,
      };
    }
    const fn = functionOf(this.#ts, declaration);
    const inner = fn === undefined ? undefined : this.ofFunction(fn);
    if (inner === undefined) return undefined;
    const cause = inner.invalidation.site;
    const where = whereIs(cause, call.getSourceFile());
    return {
      invalidation: {
        site: call,
        what: name,
        event: `may grow the memory: it reaches ${inner.invalidation.what} (${where}), which ${firstClause(inner.invalidation.event)}`,
      },
      kinds: inner.kinds,
      event: inner.event,
    };
  }

  /** The first growth a function's own body may cause, with its innermost cause; cached. */
  ofFunction(fn: FunctionWithBody): Growth | undefined {
    return this.#cache.get('memsafe/growth-of-function', fn, () => {
      if (this.#inProgress.has(fn)) return undefined; // recursion: the other calls decide
      this.#inProgress.add(fn);
      try {
        for (const call of ownCalls(this.#ts, fn)) {
          const direct = this.#direct(call);
          if (direct !== undefined) return direct;
          const declaration = calleeDeclaration(this.#ts, this.#checker, call);
          if (declaration === undefined || hasMemsafeTag(this.#ts, declaration, 'pure')) continue;
          if (hasMemsafeTag(this.#ts, declaration, 'grows')) return this.ofCall(call);
          const callee = functionOf(this.#ts, declaration);
          const inner = callee === undefined ? undefined : this.ofFunction(callee);
          if (inner !== undefined) return inner;
        }
        return undefined;
      } finally {
        this.#inProgress.delete(fn);
      }
    });
  }

  #direct(call: TS.CallExpression): Growth | undefined {
    const ts = this.#ts;
    const callee = skipOuter(ts, call.expression);
    const what = callName(ts, call, call.getSourceFile());
    if (ts.isIdentifier(callee)) {
      if (this.#options.growingFunctions.has(callee.text)) {
        return {
          event: 'wasm-allocator-call',
          invalidation: { site: call, what, event: ALLOCATOR_EVENT },
          kinds: WASM,
        };
      }
      return this.#exportAlias(callee, call, what);
    }
    const property = ts.isPropertyAccessExpression(callee)
      ? callee.name.text
      : ts.isElementAccessExpression(callee) && ts.isStringLiteralLike(callee.argumentExpression)
        ? callee.argumentExpression.text
        : undefined;
    if (property === undefined || !(ts.isPropertyAccessExpression(callee) || ts.isElementAccessExpression(callee)))
      return undefined;
    const receiver = callee.expression;
    const switched = Object.hasOwn(SWITCHES, property) ? SWITCHES[property] : undefined;
    if (switched !== undefined && isWasmMemory(ts, this.#checker, receiver, this.#options.exportObjects))
      return {
        event: switched.event,
        invalidation: { site: call, what, event: eventById(switched.event).words },
        kinds: switched.kinds,
      };
    if (property === 'grow' || property === 'resize' || property === 'free' || property === 'transfer') {
      const kind = classifyNode(ts, this.#checker, receiver);
      if (kind === 'WebAssembly.Memory' && property === 'grow') {
        return {
          event: 'wasm-memory-grow',
          invalidation: { site: call, what, event: eventById('wasm-memory-grow').words },
          kinds: WASM,
        };
      }
      if (kind === 'memsafe.Memory') {
        const event =
          property === 'grow'
            ? 'ms-memory-grow'
            : property === 'resize'
              ? 'ms-memory-resize'
              : property === 'free'
                ? 'ms-memory-free'
                : 'ms-memory-transfer';
        return {
          event,
          invalidation: { site: call, what, event: eventById(event).words },
          kinds: property === 'grow' ? WASM : RUNTIME,
        };
      }
      if (property === 'resize' && (kind === 'ArrayBuffer' || kind === 'ResizableArrayBuffer')) {
        const target = skipOuter(ts, receiver);
        const root = ts.isIdentifier(target)
          ? this.#checker.getSymbolAtLocation(target)
          : ts.isPropertyAccessExpression(target)
            ? this.#checker.getSymbolAtLocation(target.name)
            : undefined;
        return {
          event: 'rab-resize',
          invalidation: { site: call, what, event: eventById('rab-resize').words },
          kinds: RESIZABLE,
          ...(root === undefined ? {} : { root }),
        };
      }
    }
    // The pure list names exports (`free`), and comes after the typed memory operations above, so
    // that a runtime `mem.free()` still counts.
    if (this.#options.pureFunctions.has(property)) return undefined;
    if (this.#options.growingFunctions.has(property)) {
      return { event: 'wasm-allocator-call', invalidation: { site: call, what, event: ALLOCATOR_EVENT }, kinds: WASM };
    }
    if (
      isExportsObject(ts, this.#checker, receiver, this.#options.exportObjects) &&
      this.#isGrowingExport(receiver, property) &&
      !this.#markedPure(callee) &&
      !this.#binaryCannotGrow(callee, property)
    ) {
      return { event: 'wasm-export-call', invalidation: { site: call, what, event: WASM_EVENT }, kinds: WASM };
    }
    return undefined;
  }

  /** An export declared with `@memsafe pure` in the interface that types the exports. */
  #markedPure(callee: TS.Expression): boolean {
    const declarations = this.#checker.getSymbolAtLocation(callee)?.declarations ?? [];
    return declarations.some(declaration => hasMemsafeTag(this.#ts, declaration, 'pure'));
  }

  /**
   * An export that the module's binary shows can never grow: its declaration sits in a file that
   * the binary can be found from, and no memory.grow, import or indirect call is reachable from it.
   * Emscripten's Module names export `f` as `_f`.
   */
  #binaryCannotGrow(callee: TS.Expression, property: string): boolean {
    const declarations = this.#checker.getSymbolAtLocation(callee)?.declarations ?? [];
    return (
      declarations.length > 0 &&
      declarations.every(declaration => {
        const cannotGrow = this.#cache.get('memsafe/binary-cannot-grow', declaration.getSourceFile(), () => {
          const binary = binaryBesides(declaration.getSourceFile());
          return binary === undefined ? undefined : exportsOfBinaryThatCannotGrow(binary);
        });
        return (
          cannotGrow !== undefined &&
          (cannotGrow.has(property) || (property.startsWith('_') && cannotGrow.has(property.slice(1))))
        );
      })
    );
  }

  /**
   * On an Emscripten Module, the compiled functions (`_name`), `ccall` and embind's functions run
   * wasm code; the runtime's own helpers (`UTF8ToString`, `getValue`, …) do not, except those
   * that allocate (`stringToNewUTF8`).
   */
  #isGrowingExport(receiver: TS.Expression, property: string): boolean {
    return !isEmscriptenModule(this.#ts, this.#checker, receiver) || !EMSCRIPTEN_RUNTIME_HELPERS.has(property);
  }

  /** `const malloc = exports.malloc` or `Module.cwrap(…)`: calling the alias runs the export. */
  #exportAlias(callee: TS.Identifier, call: TS.CallExpression, what: string): Growth | undefined {
    const ts = this.#ts;
    const declaration = this.#checker.getSymbolAtLocation(callee)?.valueDeclaration;
    if (declaration === undefined || !ts.isVariableDeclaration(declaration) || declaration.initializer === undefined)
      return undefined;
    const init = skipOuter(ts, declaration.initializer);
    const fromExports =
      (ts.isPropertyAccessExpression(init) &&
        isExportsObject(ts, this.#checker, init.expression, this.#options.exportObjects) &&
        this.#isGrowingExport(init.expression, init.name.text)) ||
      (ts.isCallExpression(init) &&
        ts.isPropertyAccessExpression(init.expression) &&
        init.expression.name.text === 'cwrap');
    if (!fromExports || this.#options.pureFunctions.has(callee.text)) return undefined;
    if (ts.isPropertyAccessExpression(init) && this.#binaryCannotGrow(init, init.name.text)) return undefined;
    return { event: 'wasm-export-call', invalidation: { site: call, what, event: WASM_EVENT }, kinds: WASM };
  }
}

/** "runs WebAssembly code that may grow the memory (…), detaching …" → its first clause, for nested messages. */
function firstClause(event: string): string {
  const cut = event.search(/[,(:]/);
  return (cut < 0 ? event : event.slice(0, cut)).trim();
}
