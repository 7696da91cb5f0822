import type TS from 'typescript';
import type { ProgramCache } from './check.js';

const caches = new WeakMap<TS.Program, ProgramCache>();

/** One memo per program, so that summaries computed for one file serve every other file and check. */
export function cacheFor(program: TS.Program): ProgramCache {
  let cache = caches.get(program);
  if (cache === undefined) {
    const buckets = new Map<string, WeakMap<object, unknown>>();
    cache = {
      get<K extends object, V>(bucket: string, key: K, compute: () => V): V {
        let map = buckets.get(bucket);
        if (map === undefined) buckets.set(bucket, (map = new WeakMap()));
        if (map.has(key)) return map.get(key) as V;
        const value = compute();
        map.set(key, value);
        return value;
      },
    };
    caches.set(program, cache);
  }
  return cache;
}
