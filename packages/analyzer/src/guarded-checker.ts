import type TS from 'typescript';

const guarded = new WeakMap<TS.TypeChecker, TS.TypeChecker>();

/**
 * The type checker, with one difference: where the checker itself fails, the question is
 * answered "unknown" — the `any` type, or no symbol — instead of throwing, and the checks treat
 * the value as they treat any untyped value. The checker does fail on real code: its flow analysis
 * recurses once per statement and overflows the stack on bundled functions fifty thousand
 * statements long, after which its half-built caches make later questions throw TypeErrors.
 */
export function guardChecker(checker: TS.TypeChecker): TS.TypeChecker {
  let proxy = guarded.get(checker);
  if (proxy === undefined) {
    proxy = new Proxy(checker, {
      get(target, property, receiver) {
        const value: unknown = Reflect.get(target, property, receiver);
        if (typeof value !== 'function') return value;
        return (...args: unknown[]) => {
          try {
            return (value as (...a: unknown[]) => unknown).apply(target, args);
          } catch {
            return typeof property === 'string' && /^get\w*Type\w*$/.test(property) && !property.endsWith('s')
              ? target.getAnyType()
              : undefined;
          }
        };
      },
    });
    guarded.set(checker, proxy);
  }
  return proxy;
}
