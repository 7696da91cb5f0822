import type TS from 'typescript';
import { defineCheck, NO_OPTIONS, type TextEdit } from '../../check.js';
import { elementSizeOf } from '../../conversions/copies.js';
import { classifyNode, ELEMENT_SIZES } from '../../types/classify.js';
import { abbreviate, dottedName, isStableReference, numericLiteralValue, skipOuter, walk } from '../../util/syntax.js';
import { constInitializer } from '../../util/declarations.js';
import { callText } from '../../util/functions.js';
import { dataOrigin, EXACT, residueOf, scaleResidue } from './alignment.js';

const messages = {
  misaligned:
    '`{{view}}` throws a RangeError: its byte offset `{{offset}}` is {{value}} ({{element}} is {{size}} bytes). Copy the bytes into an aligned buffer, or read them with a DataView.',
  unalignedData:
    '`{{view}}` throws a RangeError if `{{offset}}` ({{origin}}) is not a multiple of {{size}}. Check `{{operand}} % {{size}} === 0` first, or copy the bytes into an aligned buffer.',
  elementIndex:
    '`{{view}}` takes a byte offset, but `{{offset}}` is an element index (an address divided by {{factor}}). Pass the byte address itself.',
  copyAligned: 'Copy the bytes into a new, aligned buffer: `{{text}}`.',
};

/** Bytes per element of the runtime's dtypes. */
const DTYPE_SIZES: Readonly<Record<string, number>> = {
  i16: 2,
  u16: 2,
  f16: 2,
  i32: 4,
  u32: 4,
  f32: 4,
  i64: 8,
  u64: 8,
  f64: 8,
};

interface Placement {
  /** The expression that makes the view, to report. */
  readonly node: TS.Expression;
  /** What is made, for the message: `Float64Array`, `an f64 view`. */
  readonly element: string;
  readonly size: number;
  /** The byte offset, and how many bytes one unit of it is. */
  readonly offset: TS.Expression;
  readonly unit: number;
}

export const noMisalignedView = defineCheck<keyof typeof messages, Record<string, never>>({
  id: 'no-misaligned-view',
  code: 91010,
  description:
    'Disallow multi-byte typed array views at a byte offset that is, or may be, not a multiple of the element size',
  type: 'problem',
  preset: 'strict',
  hasSuggestions: true,
  messages,
  ...NO_OPTIONS,
  mayApply: text =>
    /new (?:Int16|Uint16|Float16|Int32|Uint32|Float32|Float64|BigInt64|BigUint64)Array\(|\.view\(/.test(text),
  check(context) {
    const { ts, checker, sourceFile } = context;
    walk(ts, sourceFile, node => {
      const placement = placementOf(ts, checker, node);
      if (placement === undefined) return;
      const { size, offset, unit } = placement;
      const bytes = scaleResidue(residueOf(ts, checker, offset), unit);
      const data = {
        view: madeBy(ts, placement.node, sourceFile),
        offset: offset.getText(sourceFile),
        // `(n + 3) % 8`: the check the message shows must mean what it says.
        operand:
          ts.isBinaryExpression(offset) || ts.isConditionalExpression(offset)
            ? `(${offset.getText(sourceFile)})`
            : offset.getText(sourceFile),
        size,
        element: placement.element,
      };
      const factor = unit === 1 ? addressDivisor(ts, offset) : undefined;
      if (factor !== undefined) {
        context.report({ node: placement.node, messageId: 'elementIndex', data: { ...data, factor } });
        return;
      }
      if (bytes.mod >= size) {
        if (bytes.rem % size === 0) return;
        const literal = skipOuter(ts, offset);
        const value = ts.isNumericLiteral(literal)
          ? `${Number(literal.text) * unit}, not a multiple of ${size}`
          : `${bytes.rem % size} more than a multiple of ${size}`;
        context.report({
          node: placement.node,
          messageId: 'misaligned',
          data: { ...data, value },
          ...suggestion(ts, placement, sourceFile),
        });
        return;
      }
      const origin = dataOrigin(ts, checker, offset, size);
      if (origin === undefined || hasAlignmentCheck(ts, checker, placement.node, offset, size)) return;
      context.report({
        node: placement.node,
        messageId: 'unalignedData',
        data: { ...data, origin },
        ...suggestion(ts, placement, sourceFile),
      });
    });
  },
});

/** `new Float64Array(buffer, offset…)`, or a runtime view over `Memory.fromTypedArray(bytes.subarray(offset…))`. */
function placementOf(ts: typeof TS, checker: TS.TypeChecker, node: TS.Node): Placement | undefined {
  if (ts.isNewExpression(node) && ts.isIdentifier(node.expression) && (node.arguments?.length ?? 0) >= 2) {
    const size = ELEMENT_SIZES[node.expression.text];
    if (size === undefined || size === 1) return undefined;
    const kind = classifyNode(ts, checker, node.arguments![0]!);
    if (kind !== 'ArrayBuffer' && kind !== 'SharedArrayBuffer' && kind !== 'ResizableArrayBuffer') return undefined;
    return { node, element: node.expression.text, size, offset: node.arguments![1]!, unit: 1 };
  }
  if (
    !ts.isCallExpression(node) ||
    !ts.isPropertyAccessExpression(node.expression) ||
    node.expression.name.text !== 'view'
  )
    return undefined;
  const [dtype] = node.arguments;
  const size = dtype !== undefined && ts.isStringLiteralLike(dtype) ? DTYPE_SIZES[dtype.text] : undefined;
  if (size === undefined) return undefined;
  const adopted = adoptedArray(ts, checker, node.expression.expression);
  if (adopted === undefined || classifyNode(ts, checker, node.expression.expression) !== 'memsafe.Memory')
    return undefined;
  // `Memory.fromTypedArray(bytes.subarray(off))` starts `off` elements of `bytes` in; `new Uint8Array(buf, off)` starts `off` bytes in.
  if (
    ts.isCallExpression(adopted) &&
    ts.isPropertyAccessExpression(adopted.expression) &&
    adopted.expression.name.text === 'subarray' &&
    adopted.arguments[0] !== undefined
  ) {
    const unit = elementSizeOf(ts, checker, adopted.expression.expression);
    return unit === undefined
      ? undefined
      : { node, element: `a ${dtype!.getText().slice(1, -1)} view`, size, offset: adopted.arguments[0], unit };
  }
  if (
    ts.isNewExpression(adopted) &&
    (adopted.arguments?.length ?? 0) >= 2 &&
    ts.isIdentifier(adopted.expression) &&
    ELEMENT_SIZES[adopted.expression.text] === 1
  ) {
    return { node, element: `a ${dtype!.getText().slice(1, -1)} view`, size, offset: adopted.arguments![1]!, unit: 1 };
  }
  return undefined;
}

/** The argument of `Memory.fromTypedArray(x)`, written in place or in the `const` the receiver names. */
function adoptedArray(ts: typeof TS, checker: TS.TypeChecker, receiver: TS.Expression): TS.Expression | undefined {
  let inner = skipOuter(ts, receiver);
  if (ts.isIdentifier(inner)) inner = skipOuter(ts, constInitializer(ts, checker, inner) ?? inner);
  if (
    !ts.isCallExpression(inner) ||
    !ts.isPropertyAccessExpression(inner.expression) ||
    inner.expression.name.text !== 'fromTypedArray'
  )
    return undefined;
  return inner.arguments[0] === undefined ? undefined : skipOuter(ts, inner.arguments[0]);
}

/**
 * Whether the function tests the offset, or a name in it, for alignment before the view is made:
 * `off % 8`, `off & 7`, `off % Float64Array.BYTES_PER_ELEMENT`, and the like, in any form; or the
 * offset is `v.byteOffset` of a `const v = w.byteOffset % 8 === 0 ? w : Buffer.from(w)`, whose
 * other branch is a fresh copy (which starts at 0 of its own buffer, or at a multiple of 8 in
 * Node's pool).
 */
function hasAlignmentCheck(
  ts: typeof TS,
  checker: TS.TypeChecker,
  at: TS.Node,
  offset: TS.Expression,
  size: number,
): boolean {
  if (alignedByChoice(ts, checker, offset, size)) return true;
  const names = new Set<string>();
  const whole = dottedName(ts, offset);
  if (whole !== undefined) names.add(whole);
  walk(ts, offset, n => {
    if (ts.isIdentifier(n)) names.add(n.text);
  });
  if (ts.isIdentifier(offset)) names.add(offset.text);
  const scope = ts.findAncestor(at, n => ts.isFunctionLike(n) || ts.isSourceFile(n)) ?? at.getSourceFile();
  let found = false;
  walk(ts, scope, n => {
    if (found || n.pos >= at.pos) return false;
    if (!ts.isBinaryExpression(n)) return;
    const operator = n.operatorToken.kind;
    const right = residueOf(ts, checker, n.right);
    if (right.mod !== EXACT || !names.has(dottedName(ts, n.left) ?? '')) return;
    const k = right.rem;
    found =
      (operator === ts.SyntaxKind.PercentToken && k % size === 0) ||
      (operator === ts.SyntaxKind.AmpersandToken && (k + 1) % size === 0);
  });
  return found;
}

/**
 * The divisor when an offset is an address turned into an element index (`ptr >> 2`, `ptr >>> 3`,
 * `ptr / 4`): what `HEAP32[ptr >> 2]` indexes with, never a byte offset. `x >>> 0` only makes x
 * unsigned.
 */
function addressDivisor(ts: typeof TS, offset: TS.Expression): number | undefined {
  const inner = skipOuter(ts, offset);
  if (!ts.isBinaryExpression(inner)) return undefined;
  const k = numericLiteralValue(ts, inner.right);
  if (k === undefined) return undefined;
  const operator = inner.operatorToken.kind;
  if (
    (operator === ts.SyntaxKind.GreaterThanGreaterThanToken ||
      operator === ts.SyntaxKind.GreaterThanGreaterThanGreaterThanToken) &&
    k >= 1 &&
    k <= 3
  )
    return 2 ** k;
  if (operator === ts.SyntaxKind.SlashToken && (k === 2 || k === 4 || k === 8)) return k;
  return undefined;
}

/** `v.byteOffset` where `v` is the array itself when a test proves it aligned, else a fresh copy. */
function alignedByChoice(ts: typeof TS, checker: TS.TypeChecker, offset: TS.Expression, size: number): boolean {
  const access = skipOuter(ts, offset);
  if (
    !ts.isPropertyAccessExpression(access) ||
    access.name.text !== 'byteOffset' ||
    !ts.isIdentifier(access.expression)
  )
    return false;
  const init = constInitializer(ts, checker, access.expression);
  const choice = init === undefined ? undefined : skipOuter(ts, init);
  if (choice === undefined || !ts.isConditionalExpression(choice)) return false;
  const tested = dottedName(ts, choice.whenTrue);
  const test = skipOuter(ts, choice.condition);
  if (tested === undefined || !ts.isBinaryExpression(test) || !ts.isBinaryExpression(skipOuter(ts, test.left)))
    return false;
  const remainder = skipOuter(ts, test.left) as TS.BinaryExpression;
  const divisor = residueOf(ts, checker, remainder.right);
  const testsAlignment =
    remainder.operatorToken.kind === ts.SyntaxKind.PercentToken &&
    dottedName(ts, remainder.left) === `${tested}.byteOffset` &&
    divisor.mod === EXACT &&
    divisor.rem % size === 0;
  return testsAlignment && isFreshCopy(ts, choice.whenFalse);
}

/** `Buffer.from(x)`, `Uint8Array.from(x)` or `new Uint8Array(x)`: new storage, aligned for any element. */
function isFreshCopy(ts: typeof TS, node: TS.Expression): boolean {
  const inner = skipOuter(ts, node);
  if (ts.isNewExpression(inner))
    return (
      ts.isIdentifier(inner.expression) &&
      ELEMENT_SIZES[inner.expression.text] !== undefined &&
      (inner.arguments?.length ?? 0) === 1
    );
  return (
    ts.isCallExpression(inner) &&
    ts.isPropertyAccessExpression(inner.expression) &&
    inner.expression.name.text === 'from' &&
    ts.isIdentifier(inner.expression.expression) &&
    (inner.expression.expression.text === 'Buffer' || ELEMENT_SIZES[inner.expression.expression.text] !== undefined)
  );
}

/** For `new T(buffer, offset, length)` with plain names: the same elements copied out of the buffer, aligned. */
function suggestion(
  ts: typeof TS,
  placement: Placement,
  sourceFile: TS.SourceFile,
): { suggest?: { messageId: 'copyAligned'; data: { text: string }; edits: TextEdit[] }[] } {
  const node = placement.node;
  if (!ts.isNewExpression(node) || node.arguments?.length !== 3) return {};
  const [buffer, offset, length] = node.arguments.map(arg => skipOuter(ts, arg)) as [
    TS.Expression,
    TS.Expression,
    TS.Expression,
  ];
  if (!isStableReference(ts, buffer) || !(isStableReference(ts, offset) || ts.isNumericLiteral(offset))) return {};
  const o = offset.getText(sourceFile);
  const n =
    ts.isIdentifier(length) || ts.isNumericLiteral(length)
      ? length.getText(sourceFile)
      : `(${length.getText(sourceFile)})`;
  const text = `new ${node.expression.getText(sourceFile)}(${buffer.getText(sourceFile)}.slice(${o}, ${o} + ${n} * ${placement.size}))`;
  return {
    suggest: [
      {
        messageId: 'copyAligned',
        data: { text },
        edits: [{ start: node.getStart(sourceFile), end: node.getEnd(), newText: text }],
      },
    ],
  };
}

/** The call that makes the view, as the message names it: `new Float64Array(…)`, `mem.view(…)`. */
function madeBy(ts: typeof TS, node: TS.Expression, sourceFile: TS.SourceFile): string {
  if (ts.isNewExpression(node)) return `new ${callText(node, sourceFile)}`;
  return ts.isCallExpression(node) ? callText(node, sourceFile) : abbreviate(node.getText(sourceFile), 40);
}
