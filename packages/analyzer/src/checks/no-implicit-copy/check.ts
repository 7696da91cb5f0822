import type TS from 'typescript';
import { defineCheck } from '../../check.js';
import { copiedBytes, copyRowAt, copySource, viewFormEdit } from '../../conversions/copies.js';
import type { ConversionRow } from '../../conversions/schema.js';
import { conversionAt } from '../../conversions/lookup.js';
import { TYPED_ARRAY_NAMES } from '../../types/classify.js';
import { abbreviate, skipOuter, walk } from '../../util/syntax.js';
import { hotContext, type HotMarkers } from './hot-code.js';
import { MeantCopies } from './meant-copies.js';
import { regrowingTarget } from './regrowing.js';

const messages = {
  implicitCopy: '`{{text}}` copies {{amount}} {{where}}. {{advice}}',
  regrowingConcat:
    '`{{text}}` copies everything collected so far {{where}}, which is quadratic in the total size. Collect the chunks in an array and concat them once after it.',
  regrowingState:
    '`{{text}}` copies everything `{{target}}` has collected so far on each call that adds to it, which is quadratic in the total size. Collect the chunks in an array and concat them once at the end.',
  useView: 'Use a view instead: `{{view}}` (no copy; writes through it reach the source).',
};

/**
 * Methods and callees whose calls may be copies; the table decides, this only keeps the checker
 * away from other calls. Copies into storage the caller already has (`set`, `Buffer#copy`) are
 * what the rule recommends, so they are not here.
 */
const COPY_METHODS: ReadonlySet<string> = new Set([
  'slice',
  'map',
  'filter',
  'from',
  'concat',
  'toReversed',
  'toSorted',
  'with',
  'toTypedArray',
  'toArray',
  'toBuffer',
  'toArrayBuffer',
  'toDataView',
  'copyOf',
  'ascontiguous',
  'copyBytesFrom',
]);
const COPY_FUNCTIONS: ReadonlySet<string> = new Set(['structuredClone', 'copy', 'ascontiguous']);

export interface NoImplicitCopyOptions {
  readonly loops: boolean;
  readonly hotTags: readonly string[];
  readonly hotCallbacks: readonly string[];
  readonly hotEvents: readonly string[];
  readonly hotMethods: readonly string[];
}

export const noImplicitCopy = defineCheck<keyof typeof messages, NoImplicitCopyOptions>({
  id: 'no-implicit-copy',
  code: 91008,
  description: 'Disallow copying binary data in hot code (loops, `@hot` functions, per-frame and per-chunk callbacks)',
  type: 'suggestion',
  preset: 'strict',
  hasSuggestions: true,
  messages,
  defaultOptions: {
    loops: true,
    hotTags: ['hot'],
    hotCallbacks: ['requestAnimationFrame', 'setInterval'],
    hotEvents: ['data', 'audioprocess'],
    hotMethods: [
      'AudioWorkletProcessor#process',
      'Transform#_transform',
      'Transform#transform',
      'TransformStream#transform',
      'Writable#_write',
      'WritableStream#write',
    ],
  },
  optionsSchema: {
    type: 'object',
    properties: {
      loops: { type: 'boolean', description: 'Whether loop bodies (and per-element array callbacks) count as hot.' },
      hotTags: {
        type: 'array',
        items: { type: 'string' },
        uniqueItems: true,
        description: 'JSDoc tags that mark a function hot; replaces the default list.',
      },
      hotCallbacks: {
        type: 'array',
        items: { type: 'string' },
        uniqueItems: true,
        description: 'Functions whose callbacks run per frame or per tick; replaces the default list.',
      },
      hotEvents: {
        type: 'array',
        items: { type: 'string' },
        uniqueItems: true,
        description: 'Events whose handlers run per chunk; replaces the default list.',
      },
      hotMethods: {
        type: 'array',
        items: { type: 'string', pattern: '^[^#]+#[^#]+$' },
        uniqueItems: true,
        description:
          '`Base#method`: methods of classes extending `Base`, or of object literals passed to `new Base(…)`, that run per chunk or per frame; replaces the default list.',
      },
    },
    additionalProperties: false,
  },
  mayApply: text =>
    /\.(?:slice|map|filter|from|concat|to[A-Z]\w*|with|copyOf|copyBytesFrom)\(|\b(?:copy|ascontiguous)\(|\.\.\.|new (?:\w+Array|DataView)\(|structuredClone\(/.test(
      text,
    ),
  check(context) {
    const { ts, checker, sourceFile, options } = context;
    const meant = new MeantCopies(ts, checker, context.program, context.cache);
    const markers: HotMarkers = {
      loops: options.loops,
      tags: new Set(options.hotTags),
      callbacks: new Set(options.hotCallbacks),
      events: new Set(options.hotEvents),
      methods: new Set(options.hotMethods),
    };
    walk(ts, sourceFile, node => {
      if (!mayCopy(ts, node)) return;
      const where = hotContext(ts, node, markers);
      // A list of Buffers is not one binary source, so the concat rows are asked for by name.
      const regrowing = ts.isCallExpression(node) ? regrowingTarget(ts, checker, node) : undefined;
      if (regrowing !== undefined && (where !== undefined || regrowing.outlivesCall)) {
        const concat = conversionAt(ts, checker, node);
        if (concat?.result === 'copy' && concat.pattern.kind === 'call' && concat.pattern.callee === 'Buffer.concat') {
          const text = abbreviate(node.getText(sourceFile), 40);
          if (where !== undefined) context.report({ node, messageId: 'regrowingConcat', data: { text, where } });
          else context.report({ node, messageId: 'regrowingState', data: { text, target: regrowing.target } });
        }
        return;
      }
      if (where === undefined || regrowing !== undefined) return;
      const text = abbreviate(node.getText(sourceFile), 40);
      const row = copyRowAt(ts, checker, node);
      if (row === undefined || meant.isMeant(node)) return;
      const bytes = copiedBytes(ts, checker, node, row);
      const view = viewFormEdit(ts, checker, node, sourceFile);
      context.report({
        node,
        messageId: 'implicitCopy',
        data: {
          text,
          where,
          amount: bytes === undefined ? amountOf(ts, node, row, sourceFile) : `${bytes.toLocaleString('en-US')} bytes`,
          advice: adviceFor(row, view !== undefined),
        },
        ...(view === undefined
          ? {}
          : { suggest: [{ messageId: 'useView', data: { view: view.text }, edits: [view.edit] }] }),
      });
    });
  },
});

/** A call, `new` or spread that could be a copy by its shape alone: the gate before any type question. */
function mayCopy(ts: typeof TS, node: TS.Node): boolean {
  if (ts.isSpreadElement(node)) return true;
  if (ts.isNewExpression(node)) {
    const callee = node.expression;
    const first = node.arguments?.[0];
    return (
      ts.isIdentifier(callee) &&
      TYPED_ARRAY_NAMES.has(callee.text) &&
      first !== undefined &&
      !ts.isNumericLiteral(skipOuter(ts, first)) &&
      !ts.isArrayLiteralExpression(skipOuter(ts, first))
    );
  }
  if (!ts.isCallExpression(node)) return false;
  const callee = skipOuter(ts, node.expression);
  if (ts.isIdentifier(callee)) return COPY_FUNCTIONS.has(callee.text);
  return ts.isPropertyAccessExpression(callee) && COPY_METHODS.has(callee.name.text);
}

function amountOf(ts: typeof TS, node: TS.Node, row: ConversionRow, sourceFile: TS.SourceFile): string {
  const source = copySource(ts, node, row);
  const name = source === undefined ? 'its source' : `\`${abbreviate(source.getText(sourceFile), 40)}\``;
  return ts.isCallExpression(node) &&
    ts.isPropertyAccessExpression(node.expression) &&
    node.expression.name.text === 'slice' &&
    node.arguments.length > 0
    ? `part of ${name}`
    : `every element of ${name}`;
}

/** One sentence on what to do instead, by what the copy makes. */
function adviceFor(row: ConversionRow, hasViewForm: boolean): string {
  if (hasViewForm) return 'If it is only read, use a view: `subarray()`.';
  if (row.hazards.includes('boxing'))
    return 'It also boxes each element; read them in place, or fill an array allocated once outside.';
  return 'Allocate the target once outside and fill it with `set()`, or use a view.';
}
