import type TS from 'typescript';
import { outerParent } from './syntax.js';

/**
 * Reads that ask whether memory is still there, or which object a reference holds, without
 * touching its bytes: `x.detached`, `x.byteLength` tested against 0 or for truth, `x.buffer`
 * compared with another buffer, `x` itself compared (`=== null`) or tested for truth. Reading them
 * on a detached view is how correct code notices the detach (wasm-bindgen's getters re-check
 * `byteLength === 0`). `x.byteLength` used as a size is a use like any other: on a detached buffer
 * it reads 0.
 */
export function isLivenessCheck(ts: typeof TS, use: TS.Expression): boolean {
  // `cached === null`, `if (!cached)`: the reference itself compared or tested, no byte touched.
  if (isIdentityTest(ts, use) || isTruthTest(ts, use)) return true;
  const { parent, child } = outerParent(ts, use);
  if (!ts.isPropertyAccessExpression(parent) || parent.expression !== child) return false;
  const name = parent.name.text;
  if (name === 'detached') return true;
  if (name === 'byteLength') return isTruthTest(ts, parent);
  // `x.buffer.detached`, `x.buffer.byteLength === 0`, `x.buffer !== memory.buffer`
  if (name !== 'buffer') return false;
  if (isIdentityTest(ts, parent)) return true;
  const { parent: outer, child: inner } = outerParent(ts, parent);
  if (!ts.isPropertyAccessExpression(outer) || outer.expression !== inner) return false;
  return outer.name.text === 'detached' || (outer.name.text === 'byteLength' && isTruthTest(ts, outer));
}

/** `read === 0`, `0 !== read`, `!read`, `if (read)`, `read && …`: the value is only tested. */
function isTruthTest(ts: typeof TS, read: TS.Expression): boolean {
  const { parent, child } = outerParent(ts, read);
  if (ts.isPrefixUnaryExpression(parent)) return parent.operator === ts.SyntaxKind.ExclamationToken;
  if (ts.isIfStatement(parent) || ts.isWhileStatement(parent)) return parent.expression === child;
  if (ts.isConditionalExpression(parent)) return parent.condition === child;
  if (!ts.isBinaryExpression(parent)) return false;
  const operator = parent.operatorToken.kind;
  // `x && …` tests x; `x || y` may evaluate to x itself, which passes it on.
  if (operator === ts.SyntaxKind.AmpersandAmpersandToken) return parent.left === child;
  if (operator === ts.SyntaxKind.BarBarToken) return parent.left === child && isTruthTest(ts, parent);
  const other = parent.left === child ? parent.right : parent.left;
  return comparisons(ts).has(operator) && ts.isNumericLiteral(other) && Number(other.text) === 0;
}

/** `read === other`, `read !== other`: a buffer compared by identity, as a cache re-check does. */
function isIdentityTest(ts: typeof TS, read: TS.Expression): boolean {
  const { parent } = outerParent(ts, read);
  if (!ts.isBinaryExpression(parent)) return false;
  const k = ts.SyntaxKind;
  const operator = parent.operatorToken.kind;
  return (
    operator === k.EqualsEqualsEqualsToken ||
    operator === k.ExclamationEqualsEqualsToken ||
    operator === k.EqualsEqualsToken ||
    operator === k.ExclamationEqualsToken
  );
}

function comparisons(ts: typeof TS): ReadonlySet<TS.SyntaxKind> {
  const k = ts.SyntaxKind;
  return new Set([
    k.EqualsEqualsEqualsToken,
    k.ExclamationEqualsEqualsToken,
    k.EqualsEqualsToken,
    k.ExclamationEqualsToken,
    k.GreaterThanToken,
    k.LessThanToken,
    k.GreaterThanEqualsToken,
    k.LessThanEqualsToken,
  ]);
}

/**
 * A raw pointer's metadata (`ptr.offset`, `ptr.strides`, `ptr.isStale`, …) is plain data that stays
 * readable after the memory moves; only its typed array and accessors go stale.
 */
export function isMetadataRead(ts: typeof TS, use: TS.Expression): boolean {
  const { parent } = outerParent(ts, use);
  return ts.isPropertyAccessExpression(parent) && METADATA.has(parent.name.text);
}

const METADATA: ReadonlySet<string> = new Set([
  'offset',
  'shape',
  'strides',
  'generation',
  'isStale',
  'dtype',
  'byteOffset',
]);

/**
 * A read of a typed array's size or place (`view.length`), which a freed block leaves as it was:
 * only the bytes go to the block's next owner.
 */
export function isSizeRead(ts: typeof TS, use: TS.Expression): boolean {
  const { parent } = outerParent(ts, use);
  return ts.isPropertyAccessExpression(parent) && SIZE.has(parent.name.text);
}

const SIZE: ReadonlySet<string> = new Set(['length', 'byteLength', 'byteOffset', 'BYTES_PER_ELEMENT']);

/**
 * The references a condition proves live (not detached, not out of bounds) when it evaluates to
 * `outcome`: `v.byteLength === 0` is false, `v.buffer !== memory.buffer` is false, `!v.detached`
 * is true, and `&&`/`||` combine them. The else branch of wasm-bindgen's
 * `if (cached === null || cached.byteLength === 0) cached = new Uint8Array(…)` proves `cached` live.
 */
export function provenLive(ts: typeof TS, condition: TS.Expression, outcome: boolean): TS.Expression[] {
  const node = skipParentheses(ts, condition);
  if (ts.isPrefixUnaryExpression(node) && node.operator === ts.SyntaxKind.ExclamationToken)
    return provenLive(ts, node.operand, !outcome);
  if (ts.isBinaryExpression(node)) {
    const operator = node.operatorToken.kind;
    if (operator === ts.SyntaxKind.BarBarToken)
      return outcome ? [] : [...provenLive(ts, node.left, false), ...provenLive(ts, node.right, false)];
    if (operator === ts.SyntaxKind.AmpersandAmpersandToken)
      return outcome ? [...provenLive(ts, node.left, true), ...provenLive(ts, node.right, true)] : [];
    for (const [read, other] of [
      [node.left, node.right],
      [node.right, node.left],
    ] as const) {
      const probe = probeOf(ts, read);
      if (probe === undefined) continue;
      const equal = operator === ts.SyntaxKind.EqualsEqualsEqualsToken || operator === ts.SyntaxKind.EqualsEqualsToken;
      const unequal =
        operator === ts.SyntaxKind.ExclamationEqualsEqualsToken || operator === ts.SyntaxKind.ExclamationEqualsToken;
      if (probe.kind === 'buffer') return (equal && outcome) || (unequal && !outcome) ? [probe.reference] : [];
      const zero =
        ts.isNumericLiteral(skipParentheses(ts, other)) &&
        Number((skipParentheses(ts, other) as TS.NumericLiteral).text) === 0;
      if (probe.kind !== 'byteLength' || !zero) continue;
      const positive = unequal || operator === ts.SyntaxKind.GreaterThanToken;
      return (positive && outcome) || ((equal || operator === ts.SyntaxKind.LessThanEqualsToken) && !outcome)
        ? [probe.reference]
        : [];
    }
    return [];
  }
  const probe = probeOf(ts, node);
  if (probe?.kind === 'byteLength') return outcome ? [probe.reference] : [];
  if (probe?.kind === 'detached') return outcome ? [] : [probe.reference];
  return [];
}

/** `v.byteLength`, `v.buffer.byteLength`, `v.detached`, `v.buffer`: which liveness probe, of which reference. */
function probeOf(
  ts: typeof TS,
  expression: TS.Expression,
): { kind: 'byteLength' | 'detached' | 'buffer'; reference: TS.Expression } | undefined {
  const node = skipParentheses(ts, expression);
  if (!ts.isPropertyAccessExpression(node)) return undefined;
  const name = node.name.text;
  if (name !== 'byteLength' && name !== 'detached' && name !== 'buffer') return undefined;
  const object = skipParentheses(ts, node.expression);
  if (name !== 'buffer' && ts.isPropertyAccessExpression(object) && object.name.text === 'buffer')
    return { kind: name, reference: object.expression };
  return { kind: name, reference: object };
}

function skipParentheses(ts: typeof TS, node: TS.Expression): TS.Expression {
  let current = node;
  while (ts.isParenthesizedExpression(current) || ts.isNonNullExpression(current) || ts.isAsExpression(current))
    current = current.expression;
  return current;
}
