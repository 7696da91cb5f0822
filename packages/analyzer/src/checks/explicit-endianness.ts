import type TS from 'typescript';
import { defineCheck, type CheckContext } from '../check.js';
import { constInitializer, variableOrField } from '../util/declarations.js';
import { classifyNode } from '../types/classify.js';
import { lineOf } from '../util/functions.js';
import { skipOuter, walk } from '../util/syntax.js';

export interface ExplicitEndiannessOptions {
  /**
   * Whether a multi-byte access without `littleEndian` is reported in every file, also where the
   * code never says little-endian (a big-endian format read with the default).
   */
  readonly requireEverywhere: boolean;
}

/** DataView's multi-byte accessors and where their `littleEndian` argument goes. */
const LITTLE_ENDIAN_ARGUMENT: Readonly<Record<string, number>> = {
  getInt16: 1,
  getUint16: 1,
  getInt32: 1,
  getUint32: 1,
  getFloat16: 1,
  getFloat32: 1,
  getFloat64: 1,
  getBigInt64: 1,
  getBigUint64: 1,
  setInt16: 2,
  setUint16: 2,
  setInt32: 2,
  setUint32: 2,
  setFloat16: 2,
  setFloat32: 2,
  setFloat64: 2,
  setBigInt64: 2,
  setBigUint64: 2,
};

const messages = {
  implicitOrder:
    '`{{name}}.{{method}}(…)` {{access}} big-endian: it has no `littleEndian` argument. Say which byte order the format uses.',
  implicitAmongLittle:
    '`{{name}}.{{method}}(…)` {{access}} big-endian (no `littleEndian` argument), but line {{line}} says little-endian. Say which byte order the format uses here.',
  mixedOrder:
    '`{{name}}` is used {{order}} here but {{other}} on line {{line}}. Use the byte order the format specifies everywhere.',
  sayBigEndian: 'Say big-endian explicitly (what it does now): `false`.',
  sayLittleEndian: 'Use little-endian: `true`.',
};

/** One multi-byte access of a DataView. */
interface Access {
  readonly call: TS.CallExpression;
  readonly method: string;
  /** The receiver as written, for messages. */
  readonly name: string;
  /** The variable or field of `this` the receiver is, when it is one: accesses through it are one reader. */
  readonly reader: TS.Symbol | undefined;
  /** The `littleEndian` argument: literal `true` or `false`, another expression, or none. */
  readonly order: 'little' | 'big' | 'other' | 'default';
}

export const explicitEndianness = defineCheck<keyof typeof messages, ExplicitEndiannessOptions>({
  id: 'explicit-endianness',
  code: 91005,
  description:
    'Require the byte order on DataView multi-byte reads and writes where the code also reads little-endian, and one byte order per DataView',
  type: 'suggestion',
  preset: 'strict',
  fixable: 'code',
  hasSuggestions: true,
  messages,
  defaultOptions: { requireEverywhere: false },
  optionsSchema: {
    type: 'object',
    properties: {
      requireEverywhere: {
        type: 'boolean',
        description:
          'Report every multi-byte access without `littleEndian`, also in code that never says little-endian.',
      },
    },
    additionalProperties: false,
  },
  mayApply: text => /\.(?:get|set)(?:Big)?(?:Uint|Int|Float)(?:16|32|64)\(/.test(text),
  check(context) {
    const { ts, checker, sourceFile, options } = context;
    const accesses = dataViewAccesses(ts, checker, sourceFile);
    // The file's own word on the order: the first access it makes little-endian, said literally.
    const firstLittle = accesses.find(access => access.order === 'little')?.call;
    for (const access of accesses) {
      if (access.order !== 'default') continue;
      const { call, name, method } = access;
      if (
        !options.requireEverywhere &&
        (firstLittle === undefined || isMagicCheck(ts, checker, call) || writesZero(ts, call))
      )
        continue;
      const end = call.arguments.end;
      const edit = (value: string) => [
        { start: end, end, newText: `${call.arguments.length > 0 ? ', ' : ''}${value}` },
      ];
      const suggest = [
        { messageId: 'sayBigEndian' as const, edits: edit('false') },
        { messageId: 'sayLittleEndian' as const, edits: edit('true') },
      ];
      const verb = method.startsWith('set') ? 'writes' : 'reads';
      if (options.requireEverywhere) {
        // `false` is what the call does already: saying so preserves behaviour.
        context.report({
          node: call,
          messageId: 'implicitOrder',
          data: { name, method, access: verb },
          fix: edit('false'),
          suggest,
        });
      } else {
        // Among little-endian accesses the default is the likely slip: which order is right is the author's call.
        context.report({
          node: call,
          messageId: 'implicitAmongLittle',
          data: { name, method, access: verb, line: lineOf(firstLittle!) },
          suggest,
        });
      }
    }
    reportMixedReaders(context, accesses);
  },
});

/** The multi-byte accesses of DataView values in a file, in source order. */
function dataViewAccesses(ts: typeof TS, checker: TS.TypeChecker, sourceFile: TS.SourceFile): Access[] {
  const accesses: Access[] = [];
  walk(ts, sourceFile, node => {
    if (!ts.isCallExpression(node) || !ts.isPropertyAccessExpression(node.expression)) return;
    const method = node.expression.name.text;
    const position = LITTLE_ENDIAN_ARGUMENT[method];
    const receiver = node.expression.expression;
    if (position === undefined || classifyNode(ts, checker, receiver) !== 'DataView') return;
    const argument = node.arguments[position];
    const order =
      argument === undefined
        ? 'default'
        : argument.kind === ts.SyntaxKind.TrueKeyword
          ? 'little'
          : argument.kind === ts.SyntaxKind.FalseKeyword
            ? 'big'
            : 'other';
    // Only a literal order takes part in the mixing check: the checker is asked for those alone.
    const literal = order === 'little' || order === 'big';
    const reader = literal ? variableOrField(ts, checker, receiver) : undefined;
    accesses.push({ call: node, method, name: receiver.getText(sourceFile), reader, order });
  });
  return accesses;
}

/**
 * One reader (a variable, or a field of `this`) used with a literal `true` in one place and `false`
 * in another: the second is reported. Reading the same offset both ways in one function is how code
 * finds a file's order (GGUF's version field), and is left alone.
 */
function reportMixedReaders(
  context: CheckContext<keyof typeof messages, ExplicitEndiannessOptions>,
  accesses: readonly Access[],
): void {
  const { ts, sourceFile } = context;
  const seen = new Map<TS.Symbol, { little?: Access; big?: Access }>();
  for (const access of accesses) {
    if (access.reader === undefined || (access.order !== 'little' && access.order !== 'big')) continue;
    const orders = seen.get(access.reader) ?? {};
    seen.set(access.reader, orders);
    const little = access.order === 'little';
    const other = little ? orders.big : orders.little;
    if (little) orders.little ??= access;
    else orders.big ??= access;
    if (other === undefined || isProbe(ts, other.call, access.call, sourceFile)) continue;
    context.report({
      node: access.call,
      messageId: 'mixedOrder',
      data: {
        name: access.name,
        order: little ? 'little-endian' : 'big-endian',
        other: little ? 'big-endian' : 'little-endian',
        line: lineOf(other.call),
      },
    });
  }
}

/** Two reads of one offset in one function, one per order: code finding out which order a file uses. */
function isProbe(
  ts: typeof TS,
  first: TS.CallExpression,
  second: TS.CallExpression,
  sourceFile: TS.SourceFile,
): boolean {
  const offset = (call: TS.CallExpression) =>
    call.arguments[0] === undefined ? undefined : skipOuter(ts, call.arguments[0]).getText(sourceFile);
  const scope = (call: TS.CallExpression) =>
    ts.findAncestor(call.parent, node => ts.isFunctionLike(node) && !ts.isArrowFunction(node)) ?? sourceFile;
  return offset(first) !== undefined && offset(first) === offset(second) && scope(first) === scope(second);
}

/** `view.setUint32(p, 0)`: zero has the same bytes in either order. */
function writesZero(ts: typeof TS, call: TS.CallExpression): boolean {
  const written = call.arguments[1];
  if (written === undefined || !(call.expression as TS.PropertyAccessExpression).name.text.startsWith('set'))
    return false;
  const value = skipOuter(ts, written);
  return (ts.isNumericLiteral(value) || ts.isBigIntLiteral(value)) && /^0n?$/.test(value.text);
}

/**
 * `view.getUint32(0) !== MAGIC`: a read compared with a constant at once. The constant is written
 * for the order the read uses, whichever it is, so the default is a choice there, not a slip.
 */
function isMagicCheck(ts: typeof TS, checker: TS.TypeChecker, call: TS.CallExpression): boolean {
  let node: TS.Node = call;
  while (ts.isParenthesizedExpression(node.parent)) node = node.parent;
  const parent = node.parent;
  if (!ts.isBinaryExpression(parent)) return false;
  const { EqualsEqualsEqualsToken, ExclamationEqualsEqualsToken, EqualsEqualsToken, ExclamationEqualsToken } =
    ts.SyntaxKind;
  const operator = parent.operatorToken.kind;
  if (
    operator !== EqualsEqualsEqualsToken &&
    operator !== ExclamationEqualsEqualsToken &&
    operator !== EqualsEqualsToken &&
    operator !== ExclamationEqualsToken
  )
    return false;
  let other = skipOuter(ts, parent.left === node ? parent.right : parent.left);
  if (ts.isIdentifier(other)) other = skipOuter(ts, constInitializer(ts, checker, other) ?? other);
  return ts.isNumericLiteral(other) || ts.isBigIntLiteral(other);
}
