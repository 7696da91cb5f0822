import type TS from 'typescript';
import { classifyNode, typeOf } from '../types/classify.js';
import { constInitializer } from '../util/declarations.js';
import { lastName, skipOuter } from '../util/syntax.js';

/** Names of untyped objects that hold a module's exports in glue code (wasm-bindgen's `wasm`, Emscripten's `Module`). */
export const EXPORT_OBJECTS: readonly string[] = ['wasm', 'exports', 'Module', 'asm', 'instance'];

/** Exports and glue functions that never grow memory: releasing memory, wasm-bindgen's stack and error helpers, Emscripten's accessors. */
export const PURE_FUNCTIONS: readonly string[] = [
  'free',
  '_free',
  '__wbindgen_free',
  '__wbindgen_add_to_stack_pointer',
  '__wbindgen_exn_store',
  'cwrap',
  'getValue',
  'setValue',
];

/** Exports and glue functions that give a block of wasm memory back to the allocator: `free(ptr)`, which the next allocation may hand out again. */
export const FREEING_FUNCTIONS: ReadonlySet<string> = new Set([
  'free',
  '_free',
  '__wbindgen_free',
  'dealloc',
  '__dealloc',
]);

/** Allocators and calls that run them, for callees with no body to look into: each may grow the memory. */
export const GROWING_FUNCTIONS: readonly string[] = [
  'malloc',
  'realloc',
  'calloc',
  '_malloc',
  '_realloc',
  '_calloc',
  '__wbindgen_malloc',
  '__wbindgen_realloc',
  '__new',
  '__pin',
  'ccall',
];

/** Emscripten's heap views: `Module.HEAPU8` and friends, re-assigned by `updateMemoryViews()` after growth. */
export const HEAP_VIEW_NAMES: ReadonlySet<string> = new Set([
  'HEAP8',
  'HEAPU8',
  'HEAP16',
  'HEAPU16',
  'HEAP32',
  'HEAPU32',
  'HEAPF32',
  'HEAPF64',
  'HEAP64',
  'HEAPU64',
]);

/**
 * Whether `expression` is a WebAssembly.Memory: by its type, or, in untyped glue (wasm-bindgen's
 * `wasm`, a cast `instance.exports`), by being the `memory` export of an exports object.
 */
export function isWasmMemory(
  ts: typeof TS,
  checker: TS.TypeChecker,
  expression: TS.Expression,
  exportObjects: ReadonlySet<string>,
): boolean {
  const node = skipOuter(ts, expression);
  const kind = classifyNode(ts, checker, node);
  if (kind === 'WebAssembly.Memory') return true;
  if (kind !== 'any') return false;
  return (
    ts.isPropertyAccessExpression(node) &&
    node.name.text === 'memory' &&
    isExportsObject(ts, checker, node.expression, exportObjects)
  );
}

/**
 * Whether `expression` holds a module's exports, whose functions run wasm code that may grow its
 * memory: `instance.exports`, a `WebAssembly.Exports`, any object that also exports a
 * `memory: WebAssembly.Memory` (the typed interfaces people write for their modules), an
 * Emscripten `Module` (it has `HEAPU8`), or an untyped object with a glue name (`wasm`, `Module`,
 * and the names in the rule's `exportObjects` option).
 */
export function isExportsObject(
  ts: typeof TS,
  checker: TS.TypeChecker,
  expression: TS.Expression,
  exportObjects: ReadonlySet<string>,
): boolean {
  const node = skipOuter(ts, expression);
  if (ts.isPropertyAccessExpression(node) && node.name.text === 'exports') {
    const owner = typeOf(ts, checker, node.expression).getSymbol()?.getName();
    if (owner === 'Instance' || owner === undefined) return true;
  }
  const type = typeOf(ts, checker, node);
  const name = lastName(ts, node);
  if (type.flags & (ts.TypeFlags.Any | ts.TypeFlags.Unknown)) return name !== undefined && exportObjects.has(name);
  // The verdict depends on the type and the name alone, and glue asks it at every call (`wasm.f()`).
  let verdicts = exportsVerdicts.get(type);
  if (verdicts === undefined) exportsVerdicts.set(type, (verdicts = new Map<string, boolean>()));
  const key = `${name ?? ''}\0${[...exportObjects].join('\0')}`;
  let verdict = verdicts.get(key);
  if (verdict === undefined) verdicts.set(key, (verdict = isExportsType(ts, checker, type, name, exportObjects)));
  return verdict;
}

const exportsVerdicts = new WeakMap<TS.Type, Map<string, boolean>>();

/** `isExportsObject` for a value of `type` (neither any nor unknown) reached by `name`. */
function isExportsType(
  ts: typeof TS,
  checker: TS.TypeChecker,
  type: TS.Type,
  name: string | undefined,
  exportObjects: ReadonlySet<string>,
): boolean {
  const symbol = type.getSymbol() ?? type.aliasSymbol;
  if (symbol !== undefined && checker.getFullyQualifiedName(symbol) === 'WebAssembly.Exports') return true;
  const memory = type.getProperty('memory');
  if (memory !== undefined) {
    const memoryType = checker.getTypeOfSymbol(memory);
    if (checker.getFullyQualifiedName(memoryType.getSymbol() ?? memory) === 'WebAssembly.Memory') return true;
  }
  // An Emscripten Module by its views (`HEAPF32: Float32Array` is enough), or by the name Emscripten
  // gives it (`Module`), typed by the interface the project wrote for its exports.
  return (
    [...HEAP_VIEW_NAMES].some(heap => type.getProperty(heap) !== undefined) ||
    (name === 'Module' && exportObjects.has(name) && (type.flags & ts.TypeFlags.Object) !== 0)
  );
}

/**
 * A memory this module makes and keeps to itself that can never grow: a `const` initialised with
 * `new WebAssembly.Memory({ initial: n, maximum: n })`, not exported. `grow()` past the maximum
 * fails, so its buffer is never replaced and views of it never detach.
 */
export function isFixedSizeMemory(ts: typeof TS, checker: TS.TypeChecker, expression: TS.Expression): boolean {
  const node = skipOuter(ts, expression);
  let made: TS.Expression;
  if (ts.isNewExpression(node)) {
    // `new WebAssembly.Memory({ initial: n, maximum: n }).buffer`: the memory itself is dropped at once.
    made = node;
  } else {
    if (!ts.isIdentifier(node)) return false;
    const declaration = checker.getSymbolAtLocation(node)?.valueDeclaration;
    if (declaration === undefined || !ts.isVariableDeclaration(declaration) || declaration.initializer === undefined)
      return false;
    if (
      !(ts.getCombinedNodeFlags(declaration) & ts.NodeFlags.Const) ||
      ts.getCombinedModifierFlags(declaration) & ts.ModifierFlags.Export
    )
      return false;
    made = skipOuter(ts, declaration.initializer);
  }
  if (
    !ts.isNewExpression(made) ||
    !ts.isPropertyAccessExpression(made.expression) ||
    made.expression.name.text !== 'Memory'
  )
    return false;
  const descriptor = made.arguments?.[0] === undefined ? undefined : skipOuter(ts, made.arguments[0]);
  if (descriptor === undefined || !ts.isObjectLiteralExpression(descriptor)) return false;
  const sizeOf = (name: string): string | undefined => {
    for (const property of descriptor.properties) {
      if (ts.isPropertyAssignment(property) && ts.isIdentifier(property.name) && property.name.text === name) {
        let value = skipOuter(ts, property.initializer);
        // `{ initial: pages, maximum: pages }`: the same variable, whatever it holds.
        if (
          ts.isIdentifier(value) &&
          !ts.isNumericLiteral(skipOuter(ts, constInitializer(ts, checker, value) ?? value))
        )
          return `name:${value.text}`;
        // `{ initial: PAGES, maximum: PAGES }` with `const PAGES = 2`.
        if (ts.isIdentifier(value)) value = constInitializer(ts, checker, value) ?? value;
        return ts.isNumericLiteral(value) ? String(Number(value.text)) : undefined;
      }
    }
    return undefined;
  };
  const initial = sizeOf('initial');
  return initial !== undefined && initial === sizeOf('maximum');
}

/**
 * Functions of Emscripten's JavaScript runtime that a `Module` carries beside the compiled ones,
 * which run no wasm code and allocate nothing. Everything else on a Module — `_name` exports,
 * `ccall`, embind's functions and classes, `stringToNewUTF8` — may grow the memory.
 */
export const EMSCRIPTEN_RUNTIME_HELPERS: ReadonlySet<string> = new Set([
  'UTF8ToString',
  'UTF8ArrayToString',
  'UTF16ToString',
  'UTF32ToString',
  'stringToUTF8',
  'stringToUTF8Array',
  'stringToUTF16',
  'stringToUTF32',
  'lengthBytesUTF8',
  'lengthBytesUTF16',
  'lengthBytesUTF32',
  'intArrayFromString',
  'getValue',
  'setValue',
  'cwrap',
  'addFunction',
  'removeFunction',
  'print',
  'printErr',
  'locateFile',
  'then',
  'onRuntimeInitialized',
]);

/** An Emscripten `Module`: it has HEAP views, or is called `Module` and typed only by its use. */
export function isEmscriptenModule(ts: typeof TS, checker: TS.TypeChecker, expression: TS.Expression): boolean {
  const type = typeOf(ts, checker, expression);
  if ([...HEAP_VIEW_NAMES].some(heap => type.getProperty(heap) !== undefined)) return true;
  return lastName(ts, expression) === 'Module';
}
