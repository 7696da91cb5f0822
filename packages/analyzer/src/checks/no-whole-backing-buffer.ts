import { bufferPoolSizeText } from '../platform/buffer-pool.js';
import { nodeRangeOf } from '../platform/node-range.js';
import type TS from 'typescript';
import { defineCheck, NO_OPTIONS, type CheckContext, type ProgramCache, type TextEdit } from '../check.js';
import { conversionAt } from '../conversions/lookup.js';
import { ELEMENT_SIZES, TYPED_ARRAY_NAMES } from '../types/classify.js';
import { OwnershipOracle } from '../types/ownership.js';
import { calleeDeclaration, functionOf, lineOf, type FunctionWithBody } from '../util/functions.js';
import { checkedLength } from '../util/length-guards.js';
import { namesMentioning } from '../util/name-index.js';
import {
  abbreviate,
  dottedName,
  isStableReference,
  nodesOfKinds,
  numericLiteralValue,
  outerParent,
  skipOuter,
  walk,
} from '../util/syntax.js';

export const noWholeBackingBuffer = defineCheck({
  id: 'no-whole-backing-buffer',
  code: 91003,
  description: "Disallow using a view's `.buffer` as if it held only the view's bytes",
  type: 'problem',
  preset: 'recommended',
  hasSuggestions: true,
  messages: {
    wholeBuffer: '`{{name}}.buffer` is the whole backing store{{pool}}, not just the bytes of `{{name}}`. {{advice}}',
    toEnd:
      '`{{view}}` runs from `{{name}}.byteOffset` to the end of the backing store{{pool}}, past the bytes of `{{name}}`. Pass `{{name}}.byteLength` too.',
    sliceFromStart:
      '`{{name}}.buffer.slice(…)` counts from the start of the backing store{{pool}}, not of `{{name}}`, so the copy holds other bytes. Add `{{name}}.byteOffset` to both ends, or use `{{name}}.slice()`.',
    partOfBuffer:
      '`{{argument}}` is part of a larger buffer, and `{{callee}}` {{what}} all of it through `{{parameter}}.buffer` (line {{line}}). Pass a copy made with `slice()`.',
    addRange: 'View only the bytes of `{{name}}`: pass `{{name}}.byteOffset` and its length.',
    addLength: 'Pass `{{name}}.byteLength` as the length.',
    copyRange: 'Pass a copy of exactly the bytes of `{{name}}`.',
  },
  ...NO_OPTIONS,
  mayApply: text => text.includes('.buffer'),
  check(context) {
    const { ts, checker, sourceFile, cache } = context;
    const ownership = new OwnershipOracle(ts, checker, context.program, cache);
    const summaries = new WholeBufferParameters(ts, checker, context.program, cache, ownership);
    for (const node of nodesOfKinds(ts, sourceFile, [
      ts.SyntaxKind.CallExpression,
      ts.SyntaxKind.PropertyAccessExpression,
    ])) {
      if (ts.isCallExpression(node)) {
        reportPartialArguments(context, summaries, ownership, node);
        continue;
      }
      if (!ts.isPropertyAccessExpression(node) || node.name.text !== 'buffer') continue;
      // The conversion table says which `.buffer` reads are the whole backing store, and which of
      // those reach Node's pool. `new T(r.buffer, r.byteOffset)` runs to the end whatever `r` is: a
      // view, or a `{ buffer, byteOffset, byteLength }` record of one.
      const row = conversionAt(ts, checker, node);
      const uses = usesOf(ts, checker, node).filter(
        candidate => candidate.kind === 'to-end' || row?.hazards.includes('whole-backing-buffer') === true,
      );
      const pool =
        row?.hazards.includes('pool-aliasing') === true
          ? ` (for a pooled Buffer, Node's shared pool of ${bufferPoolSizeText(nodeRangeOf(sourceFile.fileName))})`
          : '';
      // One finding per `.buffer` read, for its first use that is a problem.
      const use = uses.find(candidate => isProblem(ts, ownership, node.expression, candidate));
      if (use === undefined) continue;
      if (use.kind === 'to-end') reportToEnd(context, node, use, pool);
      else if (use.kind === 'slice')
        context.report({
          node,
          messageId: 'sliceFromStart',
          data: { name: dottedName(ts, node.expression) ?? node.expression.getText(sourceFile), pool },
        });
      else report(context, node, use, pool);
    }
  },
});

type MessageId = 'wholeBuffer' | 'toEnd' | 'sliceFromStart' | 'partOfBuffer' | 'addRange' | 'addLength' | 'copyRange';
type Context = CheckContext<MessageId, Record<string, never>>;

/**
 * Whether a use of `owner.buffer` is a problem, from what is known of the buffer behind `owner`:
 * never when `owner` spans all of it; always when it is known to be part of a larger one. Unknown
 * provenance is reported where the bytes are wrapped as if they were the view's (`new T(x.buffer)`,
 * wrong for any view at an offset and free to fix), and where a value that may be a pooled Node
 * Buffer is passed on; a parameter passed on whole is judged at each call site instead.
 */
function isProblem(ts: typeof TS, ownership: OwnershipOracle, owner: TS.Expression, use: BufferUse): boolean {
  const known = ownership.of(owner);
  if (known.whole === 'whole') return false;
  // `const view = new DataView(b.buffer); … view.getUint8(b.byteOffset + i)`: the offset is applied
  // later, through variables or not. A transfer detaches every byte whatever the offsets say.
  if (use.kind !== 'transfer' && use.kind !== 'to-end' && readsOffsetOf(ts, owner)) return false;
  if (use.kind === 'to-end' && !mayRunPastItsBytes(ts, use.call!, owner)) return false;
  if (known.whole === 'part') return true;
  if (use.kind === 'construct' || use.kind === 'wrap' || use.kind === 'to-end' || use.kind === 'slice') return true;
  if (known.parameter !== undefined) return false;
  // A class that is a view (a Buffer polyfill's `get parent() { return this.buffer }`) hands out its own store on purpose.
  if (use.kind === 'return' && skipOuter(ts, owner).kind === ts.SyntaxKind.ThisKeyword) return false;
  return ownership.mayBeNodeBuffer(owner);
}

/** Whether the function around `owner` reads `owner.byteOffset` anywhere: its offsets account for the view's start. */
function readsOffsetOf(ts: typeof TS, owner: TS.Expression): boolean {
  const scope = ts.findAncestor(owner, n => ts.isFunctionLike(n) || ts.isSourceFile(n));
  const text = owner.getText();
  let found = false;
  if (scope !== undefined) {
    walk(ts, scope, node => {
      if (ts.isPropertyAccessExpression(node) && node.name.text === 'byteOffset' && node.expression.getText() === text)
        found = true;
      return !found;
    });
  }
  return found;
}

/**
 * Whether a view that runs to the end of its buffer (`new T(x.buffer, x.byteOffset)`) may reach
 * past the bytes of `x`: when it is used as a whole (iterated, measured, copied, passed on), or read
 * or written at a fixed offset that no check of `x`'s length before it covers (a PNG header read at
 * bytes 16 to 24 of an image that may be shorter). Reads and writes at computed offsets
 * (`getFloat64(o)`, `v[i]`) are taken to stay within the bytes the code means.
 */
function mayRunPastItsBytes(ts: typeof TS, view: TS.NewExpression | TS.CallExpression, owner: TS.Expression): boolean {
  const elementSize = ts.isIdentifier(view.expression) ? (ELEMENT_SIZES[view.expression.text] ?? 1) : 1;
  /** The end of each access at a fixed offset, in bytes from the view's start. */
  const fixedEnds: number[] = [];
  const atOffsets = (use: TS.Expression): boolean => {
    const { parent, child } = outerParent(ts, use);
    if (ts.isElementAccessExpression(parent) && parent.expression === child) {
      const index = numericLiteralValue(ts, parent.argumentExpression);
      if (index !== undefined) fixedEnds.push((index + 1) * elementSize);
      return true;
    }
    if (!ts.isPropertyAccessExpression(parent) || !ACCESSOR.test(parent.name.text)) return false;
    const offset =
      ts.isCallExpression(parent.parent) && parent.parent.expression === parent
        ? numericLiteralValue(ts, parent.parent.arguments[0])
        : undefined;
    if (offset !== undefined) fixedEnds.push(offset + Number(/\d+$/.exec(parent.name.text)![0]) / 8);
    return true;
  };
  if (usedWhole(ts, view, atOffsets)) return true;
  if (fixedEnds.length === 0) return false;
  const start = startOffset(ts, view);
  const checked = checkedLength(ts, owner, view);
  return start === undefined || checked === undefined || start + Math.max(...fixedEnds) > checked;
}

/** DataView's accessors; the digits that end each name are its width in bits. */
const ACCESSOR = /^(?:get|set)(?:Int|Uint|Float|BigInt|BigUint)(?:8|16|32|64)$/;

function usedWhole(
  ts: typeof TS,
  view: TS.NewExpression | TS.CallExpression,
  atOffsets: (use: TS.Expression) => boolean,
): boolean {
  const { parent, child } = outerParent(ts, view);
  if (!ts.isVariableDeclaration(parent) || parent.initializer !== child || !ts.isIdentifier(parent.name))
    return !atOffsets(view);
  const name = parent.name.text;
  const scope = ts.findAncestor(parent, n => ts.isBlock(n) || ts.isSourceFile(n));
  let whole = false;
  if (scope !== undefined) {
    walk(ts, scope, node => {
      if (
        ts.isIdentifier(node) &&
        node.text === name &&
        node !== parent.name &&
        node.pos > parent.end &&
        !atOffsets(node)
      )
        whole = true;
      return !whole;
    });
  }
  return whole;
}

/** `n` for a view made at `x.byteOffset + n` (0 at `x.byteOffset`), undefined for any other offset. */
function startOffset(ts: typeof TS, view: TS.NewExpression | TS.CallExpression): number | undefined {
  const offset = view.arguments?.[1] === undefined ? undefined : skipOuter(ts, view.arguments[1]);
  if (offset === undefined) return undefined;
  if (ts.isPropertyAccessExpression(offset) && offset.name.text === 'byteOffset') return 0;
  if (!ts.isBinaryExpression(offset) || offset.operatorToken.kind !== ts.SyntaxKind.PlusToken) return undefined;
  const base = skipOuter(ts, offset.left);
  return ts.isPropertyAccessExpression(base) && base.name.text === 'byteOffset'
    ? numericLiteralValue(ts, offset.right)
    : undefined;
}

function report(context: Context, node: TS.PropertyAccessExpression, use: BufferUse, pool: string): void {
  const { ts, sourceFile } = context;
  const stable = isStableReference(ts, node.expression);
  const name = dottedName(ts, node.expression) ?? node.expression.getText(sourceFile);
  const edits = stable && use.site === node ? suggestion(ts, node, use.call, name, sourceFile) : undefined;
  context.report({
    node,
    messageId: 'wholeBuffer',
    data: {
      name,
      pool,
      advice: !stable
        ? // Advice that repeats an expression with effects (`(b = f()).byteOffset`) would run it again.
          'Keep the view in a variable, and pass its byteOffset and byteLength too.'
        : use.kind === 'construct' || use.kind === 'wrap'
          ? `Pass \`${name}.byteOffset\` and \`${name}.byteLength\` too.`
          : use.kind === 'transfer'
            ? `Transferring it detaches every byte in it: transfer a buffer that holds exactly these bytes (\`const own = ${name}.slice()\`, then \`own.buffer\`).`
            : `Pass \`${name}\` itself, or a copy of its bytes: \`${name}.buffer.slice(${name}.byteOffset, ${name}.byteOffset + ${name}.byteLength)\`.`,
    },
    // A copy in a transfer list is a buffer nothing else refers to: no edit can be suggested there.
    ...(edits === undefined || use.kind === 'transfer'
      ? {}
      : { suggest: [{ messageId: edits.messageId, data: { name }, edits: edits.edits }] }),
  });
}

function reportToEnd(context: Context, node: TS.PropertyAccessExpression, use: BufferUse, pool: string): void {
  const { ts, sourceFile } = context;
  const name = dottedName(ts, node.expression) ?? node.expression.getText(sourceFile);
  const call = use.call!;
  const args = call.arguments ?? [];
  const last = args[args.length - 1]!;
  const callee = ts.isIdentifier(call.expression) ? call.expression.text : 'DataView';
  const size = ELEMENT_SIZES[callee];
  const length =
    callee === 'DataView' || size === 1 ? `${name}.byteLength` : `${name}.byteLength / ${callee}.BYTES_PER_ELEMENT`;
  context.report({
    node: call,
    messageId: 'toEnd',
    data: { view: abbreviate(call.getText(sourceFile), 60), name, pool },
    ...(isStableReference(ts, node.expression)
      ? {
          suggest: [
            {
              messageId: 'addLength',
              data: { name },
              edits: [{ start: last.getEnd(), end: last.getEnd(), newText: `, ${length}` }],
            },
          ],
        }
      : {}),
  });
}

/** Calls that hand a part of a buffer to a function that passes on, returns, sends or transfers its parameter's whole `.buffer`. */
function reportPartialArguments(
  context: Context,
  summaries: WholeBufferParameters,
  ownership: OwnershipOracle,
  call: TS.CallExpression,
): void {
  const { ts, checker, sourceFile } = context;
  if (call.arguments.length === 0) return;
  // Resolving a method asks for its receiver's type: only a name some function with a summary goes by is worth it.
  const callee = skipOuter(ts, call.expression);
  if (ts.isPropertyAccessExpression(callee) && !summaries.mayHave(callee.name.text)) return;
  const fn = functionOf(ts, calleeDeclaration(ts, checker, call));
  if (fn === undefined) return;
  for (const [index, use] of summaries.of(fn)) {
    const argument = call.arguments[index];
    if (argument === undefined || ownership.of(argument).whole !== 'part') continue;
    context.report({
      node: argument,
      messageId: 'partOfBuffer',
      data: {
        argument: abbreviate(argument.getText(sourceFile), 40),
        callee: abbreviate(call.expression.getText(sourceFile), 40),
        what: USE_WORDS[use.kind],
        parameter: fn.parameters[index]!.name.getText(),
        line: lineOf(use.site),
      },
    });
  }
}

const USE_WORDS: Readonly<Record<BufferUse['kind'], string>> = {
  construct: 'views',
  slice: 'copies from',
  wrap: 'wraps',
  'to-end': 'views',
  pass: 'passes on',
  return: 'returns',
  send: 'sends',
  transfer: 'transfers',
};

const BUFFER_TEXT = /\.buffer\b/;

/** Uses of a parameter's whole buffer judged at call sites, the costliest first. */
const SEVERITY: readonly BufferUse['kind'][] = ['transfer', 'send', 'return', 'pass'];

/**
 * Per function, the parameters whose whole `.buffer` it passes on, returns, sends or transfers,
 * for each call site to be judged by its argument. Cached per function.
 */
class WholeBufferParameters {
  readonly #ts: typeof TS;
  readonly #checker: TS.TypeChecker;
  readonly #cache: ProgramCache;
  readonly #ownership: OwnershipOracle;
  readonly #program: TS.Program;

  constructor(
    ts: typeof TS,
    checker: TS.TypeChecker,
    program: TS.Program,
    cache: ProgramCache,
    ownership: OwnershipOracle,
  ) {
    this.#ts = ts;
    this.#checker = checker;
    this.#program = program;
    this.#cache = cache;
    this.#ownership = ownership;
  }

  /** Whether a function called `name` may have a summary: some named function of the program by that name reads a `.buffer`. */
  mayHave(name: string): boolean {
    const names = this.#cache.get('memsafe/buffer-reading-names', this.#program, () => {
      const found = new Set<string>();
      for (const sourceFile of this.#program.getSourceFiles()) {
        if (sourceFile.isDeclarationFile || this.#program.isSourceFileFromExternalLibrary(sourceFile)) continue;
        for (const each of namesMentioning(this.#ts, sourceFile, 'memsafe/buffer-reading-names', BUFFER_TEXT))
          found.add(each);
      }
      return found;
    });
    return names.has(name);
  }

  of(fn: FunctionWithBody): ReadonlyMap<number, BufferUse> {
    return this.#cache.get('memsafe/whole-buffer-parameters', fn, () => {
      const ts = this.#ts;
      const found = new Map<number, BufferUse>();
      if (fn.parameters.length === 0 || !fn.getSourceFile().text.includes('.buffer')) return found;
      walk(ts, fn.body, node => {
        if (ts.isFunctionLike(node)) return false;
        if (!ts.isPropertyAccessExpression(node) || node.name.text !== 'buffer') return true;
        // As in the check itself: only the `.buffer` of a view is its whole backing store.
        if (conversionAt(ts, this.#checker, node)?.hazards.includes('whole-backing-buffer') !== true) return true;
        const owner = this.#ownership.of(node.expression);
        if (owner.whole !== 'unknown' || owner.parameter?.fn !== fn) return true;
        const offsetAware = readsOffsetOf(ts, node.expression);
        // The use that costs most: a transfer detaches the bytes around the view, a send copies them out.
        for (const use of usesOf(ts, this.#checker, node)) {
          if (!SEVERITY.includes(use.kind) || (use.kind !== 'transfer' && offsetAware)) continue;
          const known = found.get(owner.parameter.index);
          if (known === undefined || SEVERITY.indexOf(use.kind) < SEVERITY.indexOf(known.kind))
            found.set(owner.parameter.index, use);
        }
        return true;
      });
      return found;
    });
  }
}

/** One use of `x.buffer` as if it were the bytes of `x`: how, where to report it, and the call it is an argument of. */
interface BufferUse {
  readonly kind: 'construct' | 'wrap' | 'to-end' | 'slice' | 'pass' | 'return' | 'send' | 'transfer';
  /** The `.buffer` read, or a later use of the variable it was stored in. */
  readonly site: TS.Expression;
  readonly call?: TS.CallExpression | TS.NewExpression;
}

/**
 * The uses of `access` (`x.buffer`) that treat it as the bytes of `x`: where it is read, and, when it
 * is stored in a `const` (`const ab = x.buffer`), where that variable is wrapped, passed on,
 * returned, sent or transferred.
 */
function usesOf(ts: typeof TS, checker: TS.TypeChecker, access: TS.PropertyAccessExpression): BufferUse[] {
  const direct = useOf(ts, access);
  if (direct !== undefined) return [{ ...direct, site: access }];
  const { parent, child } = outerParent(ts, access);
  // `const ab = x.buffer`, or `b = x.buffer` (until `b` is given another value).
  const stored =
    ts.isVariableDeclaration(parent) && parent.initializer === child && ts.isIdentifier(parent.name)
      ? parent.name
      : ts.isBinaryExpression(parent) &&
          parent.operatorToken.kind === ts.SyntaxKind.EqualsToken &&
          parent.right === child &&
          ts.isIdentifier(parent.left)
        ? parent.left
        : undefined;
  const scope =
    stored === undefined ? undefined : ts.findAncestor(parent, n => ts.isFunctionLike(n) || ts.isSourceFile(n));
  if (stored === undefined || scope === undefined) return [];
  const symbol = checker.getSymbolAtLocation(stored);
  const uses: BufferUse[] = [];
  let replaced = false;
  walk(ts, scope, node => {
    if (replaced || !ts.isIdentifier(node) || node.text !== stored.text || node === stored || node.pos < parent.end)
      return;
    if (checker.getSymbolAtLocation(node) !== symbol) return;
    const { parent: around, child: self } = outerParent(ts, node);
    if (
      ts.isBinaryExpression(around) &&
      around.left === self &&
      around.operatorToken.kind === ts.SyntaxKind.EqualsToken
    ) {
      replaced = true;
      return;
    }
    const use = useOf(ts, node);
    if (use !== undefined) uses.push({ ...use, site: node });
  });
  return uses;
}

/** How a `.buffer` value is used, when that use treats it as the view's bytes; undefined for harmless reads. */
function useOf(
  ts: typeof TS,
  value: TS.Expression,
): { kind: BufferUse['kind']; call?: TS.CallExpression | TS.NewExpression } | undefined {
  let { parent, child } = outerParent(ts, value);
  // `new Uint8Array(ArrayBuffer.isView(data) ? data.buffer : data)`: a branch is used as the whole is.
  while (ts.isConditionalExpression(parent) && parent.condition !== child)
    ({ parent, child } = outerParent(ts, parent));
  // `x.buffer.slice(0, n)`: a copy whose range ignores where x starts.
  if (
    ts.isPropertyAccessExpression(parent) &&
    parent.name.text === 'slice' &&
    ts.isCallExpression(parent.parent) &&
    parent.parent.expression === parent
  ) {
    return parent.parent.arguments.some(arg => mentionsRange(ts, arg, 'byteOffset'))
      ? undefined
      : { kind: 'slice', call: parent.parent };
  }
  if (ts.isNewExpression(parent) || ts.isCallExpression(parent)) {
    if (parent.expression === child) return undefined; // x.buffer(...) is not a use of the bytes
    const args: readonly TS.Expression[] = parent.arguments ?? [];
    const index = args.indexOf(child as TS.Expression);
    if (index < 0) return undefined;
    const construct =
      ts.isNewExpression(parent) &&
      ts.isIdentifier(parent.expression) &&
      (TYPED_ARRAY_NAMES.has(parent.expression.text) || parent.expression.text === 'DataView');
    // `new T(x.buffer, x.byteOffset)`: an offset, and no length.
    if (construct && index === 0 && args.length === 2 && mentionsRange(ts, args[1]!, 'byteOffset'))
      return { kind: 'to-end', call: parent };
    // Offset and length passed beside it: the caller already says which bytes.
    if (args.some(arg => mentionsRange(ts, arg))) return undefined;
    if (construct) return index === 0 ? { kind: 'construct', call: parent } : undefined;
    if (ts.isCallExpression(parent) && isBufferFrom(ts, parent))
      return index === 0 ? { kind: 'wrap', call: parent } : undefined;
    return { kind: 'pass' };
  }
  if (ts.isReturnStatement(parent) || (ts.isArrowFunction(parent) && parent.body === child)) return { kind: 'return' };
  if (ts.isArrayLiteralExpression(parent) && isTransferList(ts, parent)) return { kind: 'transfer' };
  if (ts.isPropertyAssignment(parent) && parent.initializer === child && ts.isObjectLiteralExpression(parent.parent)) {
    // `{ buffer: x.buffer, byteOffset: …, byteLength: … }` says which bytes, as call arguments can.
    return parent.parent.properties.some(property => property !== parent && mentionsRange(ts, property))
      ? undefined
      : { kind: 'send' };
  }
  if (ts.isArrayLiteralExpression(parent) || ts.isShorthandPropertyAssignment(parent)) return { kind: 'send' };
  return undefined;
}

/** `[…]` as the transfer list of `postMessage(message, […])` or `{ transfer: […] }`. */
function isTransferList(ts: typeof TS, list: TS.ArrayLiteralExpression): boolean {
  const { parent, child } = outerParent(ts, list);
  if (ts.isPropertyAssignment(parent) && ts.isIdentifier(parent.name) && parent.name.text === 'transfer') return true;
  if (!ts.isCallExpression(parent) || parent.arguments.indexOf(child as TS.Expression) < 1) return false;
  const callee = parent.expression;
  return (
    (ts.isPropertyAccessExpression(callee) ? callee.name.text : ts.isIdentifier(callee) ? callee.text : '') ===
    'postMessage'
  );
}

function isBufferFrom(ts: typeof TS, call: TS.CallExpression): boolean {
  const callee = call.expression;
  return (
    ts.isPropertyAccessExpression(callee) &&
    callee.name.text === 'from' &&
    ts.isIdentifier(callee.expression) &&
    callee.expression.text === 'Buffer'
  );
}

function mentionsRange(ts: typeof TS, node: TS.Node, only?: 'byteOffset'): boolean {
  const isRange = (child: TS.Node): boolean =>
    ts.isPropertyAccessExpression(child) &&
    (child.name.text === 'byteOffset' || (only === undefined && child.name.text === 'byteLength'));
  if (isRange(node)) return true;
  let found = false;
  walk(ts, node, child => {
    if (isRange(child)) found = true;
    return !found;
  });
  return found;
}

function suggestion(
  ts: typeof TS,
  access: TS.PropertyAccessExpression,
  call: TS.CallExpression | TS.NewExpression | undefined,
  name: string,
  sourceFile: TS.SourceFile,
): { messageId: 'addRange' | 'copyRange'; edits: TextEdit[] } | undefined {
  if (call === undefined) {
    return {
      messageId: 'copyRange',
      edits: [
        {
          start: access.getStart(sourceFile),
          end: access.getEnd(),
          newText: `${name}.buffer.slice(${name}.byteOffset, ${name}.byteOffset + ${name}.byteLength)`,
        },
      ],
    };
  }
  const callee = ts.isIdentifier(call.expression) ? call.expression.text : 'Buffer';
  const size = ELEMENT_SIZES[callee];
  const length =
    callee === 'DataView' || callee === 'Buffer' || size === 1
      ? `${name}.byteLength`
      : `${name}.byteLength / ${callee}.BYTES_PER_ELEMENT`;
  return {
    messageId: 'addRange',
    edits: [{ start: access.getEnd(), end: access.getEnd(), newText: `, ${name}.byteOffset, ${length}` }],
  };
}
