import type TS from 'typescript';
import { defineCheck } from '../check.js';
import { classifyNode } from '../types/classify.js';
import { abbreviate, lastName, nodesOfKinds, outerParent, skipOuter, walk } from '../util/syntax.js';
import { calleeDeclaration, functionOf, returnedValues } from '../util/functions.js';
import { constInitializer } from '../util/declarations.js';
import { EXPORT_OBJECTS, HEAP_VIEW_NAMES, isExportsObject, isWasmMemory } from '../glue/wasm.js';

const messages = {
  signedPointer:
    '`{{name}}` is an i32 from WebAssembly: above 2 GiB it arrives negative, and {{use}}. Make it unsigned where it is made: `{{init}} >>> 0`.',
  signedShift: '`{{name}} >> {{bits}}` keeps the sign of a pointer above 2 GiB; `{{name}} >>> {{bits}}` divides it as an unsigned address.',
  signedHeapIndex: '`{{shift}}` turns a byte address into an index of `{{heap}}` but keeps its sign: above 2 GiB {{use}}. Shift without sign: `>>> {{bits}}`.',
  makeUnsigned: 'Make it unsigned: `… >>> 0`.',
  useUnsignedShift: 'Shift without sign: `>>>`.',
};

/** Methods of numbers, strings, arrays, typed arrays and DataViews, which exports are not named after in practice. */
const NOT_EXPORTS = /^(?:get(?:U?[Ii]nt|Float|Big)\w*|read\w+|indexOf|lastIndexOf|findIndex|findLastIndex|charCodeAt|codePointAt|parseInt|parseFloat|floor|ceil|round|trunc|min|max|abs|imul|clz32|push|at|reduce)$/;

/** What each use of a signed pointer does wrong, for the message. */
const USES: Readonly<Record<Exclude<AddressUse, 'shift'>, string>> = {
  subarray: '`subarray` then counts from the end of memory and reads the wrong bytes without an error',
  slice: '`slice` then counts from the end of memory and copies the wrong bytes without an error',
  construct: 'a typed array made at that offset throws a RangeError',
  index: 'indexing a typed array with it reads undefined and writes nothing',
};

/** What a negative index does in each place a shifted address goes into a heap view, for the message. */
const HEAP_USES: Readonly<Record<HeapIndexUse, string>> = {
  index: 'the index is negative, so reads give undefined and writes are lost',
  subarray: '`subarray` counts from the end of memory and reads the wrong bytes without an error',
  slice: '`slice` counts from the end of memory and copies the wrong bytes without an error',
  set: '`set` throws a RangeError',
};

/** How deep a heap view is looked for through constants, conditionals and the functions that return it. */
const HEAP_SEARCH_DEPTH = 3;

export interface NoSignedWasmPointerOptions {
  /** Names of untyped objects that hold wasm exports in glue code: the same option, and default, as no-stale-view's. */
  readonly exportObjects: readonly string[];
}

export const noSignedWasmPointer = defineCheck<keyof typeof messages, NoSignedWasmPointerOptions>({
  id: 'no-signed-wasm-pointer',
  code: 91006,
  description: 'Disallow using a pointer from WebAssembly as a memory offset without making it unsigned (`>>> 0`)',
  type: 'problem',
  preset: 'strict',
  hasSuggestions: true,
  messages,
  defaultOptions: { exportObjects: EXPORT_OBJECTS },
  optionsSchema: {
    type: 'object',
    properties: {
      exportObjects: { type: 'array', items: { type: 'string' }, uniqueItems: true, description: 'Names of untyped objects that hold wasm exports (glue code).' },
    },
    additionalProperties: false,
  },
  // Whole words: `instanceof` and `export` are in nearly every file.
  mayApply: text => /\bconst\b|\blet\b/.test(text) && /\b(?:exports|wasm|Module|HEAP\w*|instance|memory|WebAssembly)\b/.test(text),
  check(context) {
    const { ts, checker, sourceFile } = context;
    const exportObjects = new Set(context.options.exportObjects);
    const reportedShifts = new Set<TS.Node>();
    const addressing = namesUsedAsAddresses(ts, sourceFile);
    if (addressing.size > 0) walk(ts, sourceFile, node => {
      if (!ts.isVariableDeclaration(node) || !ts.isIdentifier(node.name) || node.initializer === undefined || !addressing.has(node.name.text)) return;
      const init = skipOuter(ts, node.initializer);
      if (!isSignedWasmValue(ts, checker, init, exportObjects)) return;
      const symbol = checker.getSymbolAtLocation(node.name);
      const scope = ts.findAncestor(node, n => ts.isBlock(n) || ts.isSourceFile(n));
      if (symbol === undefined || scope === undefined) return;
      const name = node.name.text;
      const initText = init.getText(sourceFile);
      const fixInit = [{ start: init.getStart(sourceFile), end: init.getEnd(), newText: `(${initText}) >>> 0` }];
      walk(ts, scope, use => {
        if (!ts.isIdentifier(use) || use.text !== name || use === node.name || use.pos < node.end) return;
        const kind = misuse(ts, checker, use);
        if (kind === undefined || checker.getSymbolAtLocation(use) !== symbol) return;
        if (kind === 'shift') {
          const shift = use.parent as TS.BinaryExpression;
          const bits = shift.right.getText(sourceFile);
          reportedShifts.add(shift);
          context.report({ node: shift, messageId: 'signedShift', data: { name, bits }, suggest: [{ messageId: 'useUnsignedShift', edits: unsignedShift(shift, sourceFile) }] });
          return;
        }
        context.report({ node: use, messageId: 'signedPointer', data: { name, use: USES[kind], init: initText }, suggest: [{ messageId: 'makeUnsigned', edits: fixInit }] });
      });
    });
    // Whatever its origin, an address shifted with sign into an index of the heap is wrong from
    // 2 GiB on: pointers handed to JS library code arrive as signed i32s, or unsigned as large
    // numbers, and `>>` makes either negative.
    for (const node of nodesOfKinds(ts, sourceFile, [ts.SyntaxKind.BinaryExpression])) {
      const shift = node as TS.BinaryExpression;
      if (shift.operatorToken.kind !== ts.SyntaxKind.GreaterThanGreaterThanToken || reportedShifts.has(shift) || isLiteral(ts, shift.left)) continue;
      const target = heapIndexTarget(ts, shift);
      if (target === undefined || !isHeapView(ts, checker, target.heap, exportObjects, HEAP_SEARCH_DEPTH)) continue;
      context.report({
        node: shift,
        messageId: 'signedHeapIndex',
        data: { shift: abbreviate(shift.getText(sourceFile), 48), heap: lastName(ts, target.heap) ?? abbreviate(target.heap.getText(sourceFile), 32), use: HEAP_USES[target.use], bits: shift.right.getText(sourceFile) },
        suggest: [{ messageId: 'useUnsignedShift', edits: unsignedShift(shift, sourceFile) }],
      });
    }
  },
});

function unsignedShift(shift: TS.BinaryExpression, sourceFile: TS.SourceFile) {
  return [{ start: shift.operatorToken.getStart(sourceFile), end: shift.operatorToken.getEnd(), newText: '>>>' }];
}

function isLiteral(ts: typeof TS, node: TS.Expression): boolean {
  const inner = skipOuter(ts, node);
  return ts.isNumericLiteral(inner) || ts.isIdentifier(inner) && /^[A-Z][A-Z0-9_]*$/.test(inner.text);
}

type HeapIndexUse = 'index' | 'subarray' | 'slice' | 'set';

/**
 * The view a shifted value indexes, and how: `heap[p >> 2]`, `heap[(p >> 2) + i]`,
 * `heap.subarray(p >> 2, …)`, `heap.set(values, p >> 2)`.
 */
function heapIndexTarget(ts: typeof TS, shift: TS.BinaryExpression): { heap: TS.Expression; use: HeapIndexUse } | undefined {
  let up = outerParent(ts, shift);
  while (ts.isBinaryExpression(up.parent) && (up.parent.operatorToken.kind === ts.SyntaxKind.PlusToken || up.parent.operatorToken.kind === ts.SyntaxKind.MinusToken)) up = outerParent(ts, up.parent);
  const { parent, child } = up;
  if (ts.isElementAccessExpression(parent) && parent.argumentExpression === child) return { heap: parent.expression, use: 'index' };
  if (!ts.isCallExpression(parent) || !ts.isPropertyAccessExpression(parent.expression)) return undefined;
  const method = parent.expression.name.text;
  const index = parent.arguments.indexOf(child as TS.Expression);
  if ((method === 'subarray' || method === 'slice') && index >= 0) return { heap: parent.expression.expression, use: method };
  return method === 'set' && index === 1 ? { heap: parent.expression.expression, use: 'set' } : undefined;
}

/**
 * Whether `expression` is a view of a whole wasm memory: Emscripten's `Module.HEAPU32` and friends,
 * a typed array over `memory.buffer`, or a constant, conditional or function result that is one.
 */
function isHeapView(ts: typeof TS, checker: TS.TypeChecker, expression: TS.Expression, exportObjects: ReadonlySet<string>, depth: number): boolean {
  const node = skipOuter(ts, expression);
  // A bare `HEAP32` is the glue's own variable, and Emscripten generates glue for its build's
  // address range (it writes `>>>` itself where memory can pass 2 GiB); code that reaches the heap
  // through a module object (`Module.HEAP32`) has to work with any build.
  if (ts.isPropertyAccessExpression(node) && HEAP_VIEW_NAMES.has(node.name.text)) return true;
  if (depth === 0) return false;
  if (ts.isConditionalExpression(node)) return isHeapView(ts, checker, node.whenTrue, exportObjects, depth - 1) || isHeapView(ts, checker, node.whenFalse, exportObjects, depth - 1);
  if (ts.isIdentifier(node)) {
    const init = constInitializer(ts, checker, node);
    return init !== undefined && isHeapView(ts, checker, init, exportObjects, depth - 1);
  }
  if (ts.isNewExpression(node)) {
    const source = node.arguments?.[0] === undefined ? undefined : skipOuter(ts, node.arguments[0]);
    return node.arguments?.length === 1 && source !== undefined && ts.isPropertyAccessExpression(source) && source.name.text === 'buffer' && isWasmMemory(ts, checker, source.expression, exportObjects);
  }
  if (ts.isCallExpression(node)) {
    const fn = functionOf(ts, calleeDeclaration(ts, checker, node));
    return fn !== undefined && returnedValues(ts, fn).some(value => isHeapView(ts, checker, value, exportObjects, depth - 1));
  }
  return false;
}

/**
 * Names that stand where an address goes, by syntax alone: only declarations of these names are
 * worth a type question.
 */
function namesUsedAsAddresses(ts: typeof TS, sourceFile: TS.SourceFile): Set<string> {
  const names = new Set<string>();
  walk(ts, sourceFile, node => {
    if (ts.isIdentifier(node) && addressPosition(ts, node) !== undefined) names.add(node.text);
  });
  return names;
}

/**
 * A value WebAssembly hands over as a signed i32 and nothing has made unsigned yet: the result of
 * an export call, or an element of Emscripten's `HEAP32`.
 */
function isSignedWasmValue(ts: typeof TS, checker: TS.TypeChecker, init: TS.Expression, exportObjects: ReadonlySet<string>): boolean {
  if (ts.isCallExpression(init)) {
    const callee = skipOuter(ts, init.expression);
    // A method of `this` is the class's own, never an export; typed arrays' and Math's methods neither.
    if (!ts.isPropertyAccessExpression(callee) || callee.expression.kind === ts.SyntaxKind.ThisKeyword || NOT_EXPORTS.test(callee.name.text)) return false;
    return isExportsObject(ts, checker, callee.expression, exportObjects) && classifyNode(ts, checker, init) === 'number';
  }
  if (ts.isElementAccessExpression(init)) {
    return lastName(ts, init.expression) === 'HEAP32';
  }
  return false;
}

type AddressUse = 'shift' | 'subarray' | 'slice' | 'construct' | 'index';

/**
 * Where `identifier` stands if it is used as an address, by syntax alone: the left of `>>`, an
 * argument of `subarray`/`slice`, the offset argument of `new`, an element index.
 */
function addressPosition(ts: typeof TS, identifier: TS.Identifier): AddressUse | undefined {
  const { parent, child } = outerParent(ts, identifier);
  if (ts.isBinaryExpression(parent)) return parent.left === child && parent.operatorToken.kind === ts.SyntaxKind.GreaterThanGreaterThanToken ? 'shift' : undefined;
  if (ts.isCallExpression(parent) && ts.isPropertyAccessExpression(parent.expression) && parent.arguments.includes(child as TS.Expression)) {
    const method = parent.expression.name.text;
    return method === 'subarray' || method === 'slice' ? method : undefined;
  }
  // `new T(buffer, offset, length)`: the offset is an address; a length from wasm is a count.
  if (ts.isNewExpression(parent)) return parent.arguments?.indexOf(child as TS.Expression) === 1 ? 'construct' : undefined;
  return ts.isElementAccessExpression(parent) && parent.argumentExpression === child ? 'index' : undefined;
}

/** How `use` feeds a signed pointer into memory addressing, if it does: its position, confirmed by the types around it. */
function misuse(ts: typeof TS, checker: TS.TypeChecker, use: TS.Identifier): AddressUse | undefined {
  const position = addressPosition(ts, use);
  if (position === undefined || position === 'shift') return position;
  const { parent } = outerParent(ts, use);
  if (position === 'construct') {
    const kind = classifyNode(ts, checker, (parent as TS.NewExpression).arguments![0]!);
    return kind === 'ArrayBuffer' || kind === 'SharedArrayBuffer' ? position : undefined;
  }
  // `subarray`/`slice` on their receiver, or an index into the indexed object.
  const memory = position === 'index' ? (parent as TS.ElementAccessExpression).expression : ((parent as TS.CallExpression).expression as TS.PropertyAccessExpression).expression;
  const kind = classifyNode(ts, checker, memory);
  return kind === 'TypedArray' || kind === 'Buffer' || kind === 'BigIntTypedArray' ? position : undefined;
}
