import type TS from 'typescript';
import { defineCheck, NO_OPTIONS } from '../check.js';
import { classifyNode } from '../types/classify.js';
import { lineOf } from '../util/functions.js';
import { walk } from '../util/syntax.js';

/** DataView's multi-byte accessors and where their `littleEndian` argument goes. */
const LITTLE_ENDIAN_ARGUMENT: Readonly<Record<string, number>> = {
  getInt16: 1, getUint16: 1, getInt32: 1, getUint32: 1, getFloat16: 1, getFloat32: 1, getFloat64: 1, getBigInt64: 1, getBigUint64: 1,
  setInt16: 2, setUint16: 2, setInt32: 2, setUint32: 2, setFloat16: 2, setFloat32: 2, setFloat64: 2, setBigInt64: 2, setBigUint64: 2,
};

const messages = {
  implicitOrder:
    '`{{name}}.{{method}}(…)` has no `littleEndian` argument, so it {{access}} big-endian, the opposite of every common CPU and of typed arrays over the same bytes. Say which order the format uses.',
  mixedOrder:
    '`{{name}}` is used {{order}} here but {{other}} on line {{line}}: one reader mixing both byte orders is almost always a slip. Use the order the format specifies everywhere.',
  sayBigEndian: 'Say big-endian explicitly (what it does now): `false`.',
  sayLittleEndian: 'Use little-endian: `true`.',
};

export const explicitEndianness = defineCheck<keyof typeof messages, Record<string, never>>({
  id: 'explicit-endianness',
  code: 91005,
  description: 'Require the byte order on DataView multi-byte reads and writes, and one byte order per DataView',
  type: 'suggestion',
  preset: 'strict',
  fixable: 'code',
  hasSuggestions: true,
  messages,
  ...NO_OPTIONS,
  mayApply: text => /\.(?:get|set)(?:Big)?(?:Uint|Int|Float)(?:16|32|64)\(/.test(text),
  check(context) {
    const { ts, checker, sourceFile } = context;
    // The order each DataView variable is read in, per literal `true`/`false`, for the mixing check.
    const orders = new Map<TS.Symbol, { little?: TS.Node; big?: TS.Node }>();
    walk(ts, sourceFile, node => {
      if (!ts.isCallExpression(node) || !ts.isPropertyAccessExpression(node.expression)) return;
      const method = node.expression.name.text;
      const position = LITTLE_ENDIAN_ARGUMENT[method];
      if (position === undefined || classifyNode(ts, checker, node.expression.expression) !== 'DataView') return;
      const name = node.expression.expression.getText(sourceFile);
      const argument = node.arguments[position];
      if (argument === undefined) {
        const end = node.arguments.end;
        const edit = (value: string) => [{ start: end, end, newText: `${node.arguments.length > 0 ? ', ' : ''}${value}` }];
        context.report({
          node,
          messageId: 'implicitOrder',
          data: { name, method, access: method.startsWith('set') ? 'writes' : 'reads' },
          // `false` is what the call does already: saying so preserves behaviour.
          fix: edit('false'),
          suggest: [
            { messageId: 'sayBigEndian', edits: edit('false') },
            { messageId: 'sayLittleEndian', edits: edit('true') },
          ],
        });
        return;
      }
      const receiver = node.expression.expression;
      const symbol = ts.isIdentifier(receiver) ? checker.getSymbolAtLocation(receiver) : undefined;
      if (symbol === undefined || (argument.kind !== ts.SyntaxKind.TrueKeyword && argument.kind !== ts.SyntaxKind.FalseKeyword)) return;
      const seen = orders.get(symbol) ?? {};
      orders.set(symbol, seen);
      const little = argument.kind === ts.SyntaxKind.TrueKeyword;
      const other = little ? seen.big : seen.little;
      if (little) seen.little ??= node;
      else seen.big ??= node;
      if (other !== undefined) {
        context.report({
          node,
          messageId: 'mixedOrder',
          data: { name, order: little ? 'little-endian' : 'big-endian', other: little ? 'big-endian' : 'little-endian', line: lineOf(other) },
        });
      }
    });
  },
});
