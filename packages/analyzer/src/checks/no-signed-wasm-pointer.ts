import type TS from 'typescript';
import { defineCheck, NO_OPTIONS } from '../check.js';
import { classifyNode } from '../types/classify.js';
import { outerParent, skipOuter, walk } from '../util/syntax.js';
import { isExportsObject } from './no-stale-view/glue.js';

const messages = {
  signedPointer:
    '`{{name}}` is an i32 from WebAssembly: above 2 GiB it arrives negative, and {{use}}. Make it unsigned where it is made: `{{init}} >>> 0`.',
  signedShift: '`{{name}} >> {{bits}}` keeps the sign of a pointer above 2 GiB; `{{name}} >>> {{bits}}` divides it as an unsigned address.',
  makeUnsigned: 'Make it unsigned: `… >>> 0`.',
  useUnsignedShift: 'Shift without sign: `>>>`.',
};

const EXPORT_OBJECTS: ReadonlySet<string> = new Set(['wasm', 'exports', 'Module', 'asm', 'instance']);

/** What each use of a signed pointer does wrong, for the message. */
const USES: Readonly<Record<string, string>> = {
  subarray: '`subarray` then counts from the end of memory and reads the wrong bytes without an error',
  slice: '`slice` then counts from the end of memory and copies the wrong bytes without an error',
  construct: 'a typed array made at that offset throws a RangeError',
  index: 'indexing a typed array with it reads undefined and writes nothing',
};

export const noSignedWasmPointer = defineCheck<keyof typeof messages, Record<string, never>>({
  id: 'no-signed-wasm-pointer',
  code: 91006,
  description: 'Disallow using a pointer from WebAssembly as a memory offset without making it unsigned (`>>> 0`)',
  type: 'problem',
  preset: 'strict',
  hasSuggestions: true,
  messages,
  ...NO_OPTIONS,
  mayApply: text => /\bconst\b|\blet\b/.test(text) && /exports|wasm|Module|HEAP32|instance/.test(text),
  check(context) {
    const { ts, checker, sourceFile } = context;
    walk(ts, sourceFile, node => {
      if (!ts.isVariableDeclaration(node) || !ts.isIdentifier(node.name) || node.initializer === undefined) return;
      const init = skipOuter(ts, node.initializer);
      if (!isSignedWasmValue(ts, checker, init)) return;
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
        if (kind.startsWith('shift:')) {
          const shift = use.parent as TS.BinaryExpression;
          const bits = shift.right.getText(sourceFile);
          const edit = [{ start: shift.operatorToken.getStart(sourceFile), end: shift.operatorToken.getEnd(), newText: '>>>' }];
          context.report({ node: shift, messageId: 'signedShift', data: { name, bits }, suggest: [{ messageId: 'useUnsignedShift', edits: edit }] });
          return;
        }
        context.report({ node: use, messageId: 'signedPointer', data: { name, use: USES[kind]!, init: initText }, suggest: [{ messageId: 'makeUnsigned', edits: fixInit }] });
      });
    });
  },
});

/**
 * A value WebAssembly hands over as a signed i32 and nothing has made unsigned yet: the result of
 * an export call, or an element of Emscripten's `HEAP32`.
 */
function isSignedWasmValue(ts: typeof TS, checker: TS.TypeChecker, init: TS.Expression): boolean {
  if (ts.isCallExpression(init)) {
    const callee = skipOuter(ts, init.expression);
    return ts.isPropertyAccessExpression(callee) && isExportsObject(ts, checker, callee.expression, EXPORT_OBJECTS) && classifyNode(ts, checker, init) === 'number';
  }
  if (ts.isElementAccessExpression(init)) {
    const object = skipOuter(ts, init.expression);
    const name = ts.isIdentifier(object) ? object.text : ts.isPropertyAccessExpression(object) ? object.name.text : '';
    return name === 'HEAP32';
  }
  return false;
}

/** How `use` feeds a signed pointer into memory addressing, if it does. */
function misuse(ts: typeof TS, checker: TS.TypeChecker, use: TS.Identifier): string | undefined {
  const { parent, child } = outerParent(ts, use);
  if (ts.isBinaryExpression(parent) && parent.left === child && parent.operatorToken.kind === ts.SyntaxKind.GreaterThanGreaterThanToken) return 'shift:';
  if (ts.isCallExpression(parent) && parent.arguments.includes(child as TS.Expression) && ts.isPropertyAccessExpression(parent.expression)) {
    const method = parent.expression.name.text;
    const receiver = classifyNode(ts, checker, parent.expression.expression);
    const viewOfMemory = receiver === 'TypedArray' || receiver === 'Buffer' || receiver === 'BigIntTypedArray';
    if ((method === 'subarray' || method === 'slice') && viewOfMemory) return method;
  }
  if (ts.isNewExpression(parent) && (parent.arguments?.indexOf(child as TS.Expression) ?? -1) >= 1) {
    const first = parent.arguments![0]!;
    const kind = classifyNode(ts, checker, first);
    if (kind === 'ArrayBuffer' || kind === 'SharedArrayBuffer') return 'construct';
  }
  if (ts.isElementAccessExpression(parent) && parent.argumentExpression === child) {
    const kind = classifyNode(ts, checker, parent.expression);
    if (kind === 'TypedArray' || kind === 'Buffer' || kind === 'BigIntTypedArray') return 'index';
  }
  return undefined;
}
