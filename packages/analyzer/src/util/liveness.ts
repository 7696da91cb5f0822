import type TS from 'typescript';

/**
 * `x.byteLength` and `x.detached` ask whether memory is still there: reading them on a detached
 * view is how correct code notices the detach (wasm-bindgen's getters re-check `byteLength === 0`).
 */
export function isLivenessCheck(ts: typeof TS, identifier: TS.Identifier): boolean {
  const parent = identifier.parent;
  return ts.isPropertyAccessExpression(parent) && parent.expression === identifier && (parent.name.text === 'byteLength' || parent.name.text === 'detached');
}
