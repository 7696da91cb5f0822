import type TS from 'typescript';
import type { TextEdit } from '../check.js';
import { conversionAt } from './lookup.js';
import { ELEMENT_SIZES, typeOf } from '../types/classify.js';
import { constInitializer } from '../util/declarations.js';
import { isStableReference, numericLiteralValue, skipOuter } from '../util/syntax.js';
import type { ConversionRow, Operand } from './schema.js';

/** Kinds whose bytes a conversion can copy: copying from these moves memory, not values made on the spot. */
const BINARY_SOURCES: ReadonlySet<Operand> = new Set<Operand>([
  'ArrayBuffer',
  'ResizableArrayBuffer',
  'SharedArrayBuffer',
  'TypedArray',
  'BigIntTypedArray',
  'Buffer',
  'DataView',
  'WebAssembly.Memory',
  'memory.buffer',
  'memsafe.Memory',
  'memsafe.View',
]);

/** What the table's pattern copies from: the receiver of a method, the first argument of a call. */
function sourceOperand(row: ConversionRow): Operand | undefined {
  const pattern = row.pattern;
  switch (pattern.kind) {
    case 'method':
    case 'property':
      return pattern.receiver;
    case 'spread':
      return pattern.of;
    default:
      return pattern.args[0];
  }
}

/** The conversion row of `node` when the table says it copies the bytes of binary data into new storage. */
export function copyRowAt(ts: typeof TS, checker: TS.TypeChecker, node: TS.Node): ConversionRow | undefined {
  const row = conversionAt(ts, checker, node);
  if (row === undefined || row.result !== 'copy' || row.sharesMemory) return undefined;
  const source = sourceOperand(row);
  return source !== undefined && BINARY_SOURCES.has(source) ? row : undefined;
}

/** The value a copy is taken from, as its row reads it: the receiver of `x.slice()`, the argument of `new T(x)`, the spread `...x`. */
export function copySource(ts: typeof TS, copy: TS.Node, row: ConversionRow): TS.Expression | undefined {
  if (ts.isSpreadElement(copy)) return copy.expression;
  if (row.pattern.kind === 'method' && ts.isCallExpression(copy)) {
    const callee = skipOuter(ts, copy.expression);
    return ts.isPropertyAccessExpression(callee) ? callee.expression : undefined;
  }
  return ts.isCallExpression(copy) || ts.isNewExpression(copy) ? copy.arguments?.[0] : undefined;
}

/** The class name of a typed array value (`Float64Array`, `Buffer`), when its type says. */
export function typedArrayClass(ts: typeof TS, checker: TS.TypeChecker, node: TS.Node): string | undefined {
  const type = typeOf(ts, checker, node);
  const name = (type.getSymbol() ?? type.aliasSymbol)?.getName();
  return name !== undefined && (name in ELEMENT_SIZES || name === 'Buffer') ? name : undefined;
}

/** Bytes per element of a typed array value (1 for a Buffer), when its type says. */
export function elementSizeOf(ts: typeof TS, checker: TS.TypeChecker, node: TS.Node): number | undefined {
  const className = typedArrayClass(ts, checker, node);
  return className === undefined ? undefined : className === 'Buffer' ? 1 : ELEMENT_SIZES[className];
}

/**
 * The same bytes as a view, when the copy has a view form of the same class: `x.slice(a, b)` →
 * `x.subarray(a, b)`, `new Uint8Array(u8)` / `Uint8Array.from(u8)` / `Buffer.from(buf)` →
 * `u8.subarray()`. Undefined when the copy converts elements or has no view form.
 */
export function viewFormEdit(
  ts: typeof TS,
  checker: TS.TypeChecker,
  copy: TS.Node,
  sourceFile: TS.SourceFile,
): { edit: TextEdit; text: string } | undefined {
  const row = conversionAt(ts, checker, copy);
  if (row === undefined) return undefined;
  if (row.id === 'ta-slice' && ts.isCallExpression(copy) && ts.isPropertyAccessExpression(copy.expression)) {
    const name = copy.expression.name;
    const text = `${copy.expression.expression.getText(sourceFile)}.subarray(${copy.arguments.map(arg => arg.getText(sourceFile)).join(', ')})`;
    return { edit: { start: name.getStart(sourceFile), end: name.getEnd(), newText: 'subarray' }, text };
  }
  const wholeCopy = row.id === 'ta-new-typed-array' || row.id === 'ta-from-typed-array' || row.id === 'buf-from-buffer';
  if (!wholeCopy || !(ts.isCallExpression(copy) || ts.isNewExpression(copy)) || copy.arguments?.length !== 1)
    return undefined;
  const source = skipOuter(ts, copy.arguments[0]!);
  const made = ts.isNewExpression(copy) ? skipOuter(ts, copy.expression).getText(sourceFile) : dottedOwner(ts, copy);
  const sourceClass = typedArrayClass(ts, checker, source);
  if (
    made === undefined ||
    sourceClass === undefined ||
    (made !== sourceClass && !(made === 'Buffer' && row.id === 'buf-from-buffer'))
  )
    return undefined;
  const sourceText = source.getText(sourceFile);
  const text = `${isStableReference(ts, source) || ts.isCallExpression(source) ? sourceText : `(${sourceText})`}.subarray()`;
  return { edit: { start: copy.getStart(sourceFile), end: copy.getEnd(), newText: text }, text };
}

/** `Uint8Array` of `Uint8Array.from(x)`. */
function dottedOwner(ts: typeof TS, call: TS.CallExpression): string | undefined {
  const callee = skipOuter(ts, call.expression);
  return ts.isPropertyAccessExpression(callee) && ts.isIdentifier(callee.expression)
    ? callee.expression.text
    : undefined;
}

/**
 * How many bytes a copy moves, when the code says: `x.slice(0, 64)` of a Float32Array (256), or a
 * whole copy of a typed array declared as `const x = new Float64Array(512)` in the same file.
 */
export function copiedBytes(
  ts: typeof TS,
  checker: TS.TypeChecker,
  copy: TS.Node,
  row: ConversionRow,
): number | undefined {
  const source = copySource(ts, copy, row);
  if (source === undefined) return undefined;
  const size = elementSizeOf(ts, checker, source);
  if (size === undefined) return undefined;
  if (
    ts.isCallExpression(copy) &&
    ts.isPropertyAccessExpression(copy.expression) &&
    copy.expression.name.text === 'slice' &&
    copy.arguments.length > 0
  ) {
    const [begin, end] = copy.arguments.map(arg => numericLiteralValue(ts, arg));
    if (copy.arguments.length === 2 && begin !== undefined && end !== undefined && begin >= 0 && end >= begin)
      return (end - begin) * size;
    const length = declaredLength(ts, checker, source);
    if (copy.arguments.length === 1 && begin !== undefined && begin >= 0 && length !== undefined)
      return Math.max(length - begin, 0) * size;
    return undefined;
  }
  const length = declaredLength(ts, checker, source);
  return length === undefined ? undefined : length * size;
}

/** The element count of `const x = new T(<literal>)` or `Buffer.alloc(<literal>)`. */
function declaredLength(ts: typeof TS, checker: TS.TypeChecker, source: TS.Expression): number | undefined {
  const inner = skipOuter(ts, source);
  const init = ts.isIdentifier(inner) ? constInitializer(ts, checker, inner) : undefined;
  if (init === undefined) return undefined;
  const made = skipOuter(ts, init);
  if ((ts.isNewExpression(made) || ts.isCallExpression(made)) && made.arguments?.length === 1) {
    const callee = made.expression.getText();
    if (callee in ELEMENT_SIZES || /^Buffer\.alloc(?:Unsafe)?$/.test(callee))
      return numericLiteralValue(ts, made.arguments[0]);
  }
  return undefined;
}
