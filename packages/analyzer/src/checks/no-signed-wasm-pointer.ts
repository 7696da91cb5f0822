import type TS from 'typescript';
import { defineCheck } from '../check.js';
import { classifyNode } from '../types/classify.js';
import { lastName, outerParent, skipOuter, walk } from '../util/syntax.js';
import { EXPORT_OBJECTS, isExportsObject } from '../glue/wasm.js';

const messages = {
  signedPointer:
    '`{{name}}` is an i32 from WebAssembly: above 2 GiB it arrives negative, and {{use}}. Make it unsigned where it is made: `{{init}} >>> 0`.',
  signedShift: '`{{name}} >> {{bits}}` keeps the sign of a pointer above 2 GiB; `{{name}} >>> {{bits}}` divides it as an unsigned address.',
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
    const addressing = namesUsedAsAddresses(ts, sourceFile);
    if (addressing.size === 0) return;
    walk(ts, sourceFile, node => {
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
          const edit = [{ start: shift.operatorToken.getStart(sourceFile), end: shift.operatorToken.getEnd(), newText: '>>>' }];
          context.report({ node: shift, messageId: 'signedShift', data: { name, bits }, suggest: [{ messageId: 'useUnsignedShift', edits: edit }] });
          return;
        }
        context.report({ node: use, messageId: 'signedPointer', data: { name, use: USES[kind], init: initText }, suggest: [{ messageId: 'makeUnsigned', edits: fixInit }] });
      });
    });
  },
});

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
