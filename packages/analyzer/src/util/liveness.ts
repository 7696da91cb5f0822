import type TS from 'typescript';

/**
 * `x.byteLength` and `x.detached` ask whether memory is still there: reading them on a detached
 * view is how correct code notices the detach (wasm-bindgen's getters re-check `byteLength === 0`).
 */
export function isLivenessCheck(ts: typeof TS, identifier: TS.Identifier): boolean {
  const parent = identifier.parent;
  if (!ts.isPropertyAccessExpression(parent) || parent.expression !== identifier) return false;
  const name = parent.name.text;
  if (LIVENESS.has(name)) return true;
  // `x.buffer.detached`, `x.buffer.byteLength`
  const outer = parent.parent;
  return name === 'buffer' && ts.isPropertyAccessExpression(outer) && outer.expression === parent && LIVENESS.has(outer.name.text);
}

const LIVENESS: ReadonlySet<string> = new Set(['byteLength', 'detached']);

/**
 * A raw pointer's metadata (`ptr.offset`, `ptr.strides`, `ptr.isStale`, …) is plain data that stays
 * readable after the memory moves; only its typed array and accessors go stale.
 */
export function isMetadataRead(ts: typeof TS, identifier: TS.Identifier): boolean {
  const parent = identifier.parent;
  return ts.isPropertyAccessExpression(parent) && parent.expression === identifier && METADATA.has(parent.name.text);
}

const METADATA: ReadonlySet<string> = new Set(['offset', 'shape', 'strides', 'generation', 'isStale', 'dtype', 'byteOffset']);
