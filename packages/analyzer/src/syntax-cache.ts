import type TS from 'typescript';

const buckets = new Map<string, WeakMap<TS.SourceFile, unknown>>();

/**
 * A memo keyed by source file, shared by every program. Editors make a new program on each
 * keystroke but keep the `SourceFile` objects of unchanged files, so facts read off the syntax
 * alone (never symbols or types, which belong to one program) are computed once per file version.
 */
export function perSourceFile<V>(bucket: string, sourceFile: TS.SourceFile, compute: () => V): V {
  let map = buckets.get(bucket);
  if (map === undefined) buckets.set(bucket, (map = new WeakMap()));
  if (map.has(sourceFile)) return map.get(sourceFile) as V;
  const value = compute();
  map.set(sourceFile, value);
  return value;
}
