// Key conversion and comparison for an in-memory IndexedDB (as fake-indexeddb implements the spec's
// "convert a value to a key"): a binary key is a copy of exactly the bytes the caller's buffer source
// holds, so later writes to that source cannot move a record in its index.
export type Key = number | string | Date | ArrayBuffer | Key[];

export class DataError extends Error {
  override readonly name = 'DataError';
}

export function valueToKey(input: unknown, seen: Set<object> = new Set()): Key {
  if (typeof input === 'number') {
    if (Number.isNaN(input)) throw new DataError('NaN is not a valid key');
    return input;
  }
  if (typeof input === 'string') return input;
  if (input instanceof Date) {
    if (Number.isNaN(input.valueOf())) throw new DataError('an invalid date is not a valid key');
    return new Date(input.valueOf());
  }
  if (input instanceof ArrayBuffer) return input.slice(0);
  if (ArrayBuffer.isView(input)) return input.buffer.slice(input.byteOffset, input.byteOffset + input.byteLength) as ArrayBuffer;
  if (Array.isArray(input)) {
    if (seen.has(input)) throw new DataError('a cyclic array is not a valid key');
    seen.add(input);
    return input.map(item => valueToKey(item, seen));
  }
  throw new DataError('not a valid key');
}

function typeRank(key: Key): number {
  if (Array.isArray(key)) return 4;
  if (key instanceof ArrayBuffer) return 3;
  if (typeof key === 'string') return 2;
  if (key instanceof Date) return 1;
  return 0;
}

/** The spec's key comparison: -1, 0 or 1. */
export function cmp(first: unknown, second: unknown): number {
  const a = valueToKey(first);
  const b = valueToKey(second);
  const ta = typeRank(a);
  const tb = typeRank(b);
  if (ta !== tb) return ta > tb ? 1 : -1;
  if (a instanceof ArrayBuffer && b instanceof ArrayBuffer) {
    const va = new Uint8Array(a);
    const vb = new Uint8Array(b);
    const length = Math.min(va.length, vb.length);
    for (let i = 0; i < length; i++) if (va[i] !== vb[i]) return va[i]! > vb[i]! ? 1 : -1;
    return va.length === vb.length ? 0 : va.length > vb.length ? 1 : -1;
  }
  if (Array.isArray(a) && Array.isArray(b)) {
    for (let i = 0; i < Math.min(a.length, b.length); i++) {
      const c = cmp(a[i], b[i]);
      if (c !== 0) return c;
    }
    return a.length === b.length ? 0 : a.length > b.length ? 1 : -1;
  }
  const x = a instanceof Date ? a.valueOf() : (a as number | string);
  const y = b instanceof Date ? b.valueOf() : (b as number | string);
  return x === y ? 0 : x > y ? 1 : -1;
}

/** A sorted index from keys to primary keys. */
export class KeyIndex {
  private readonly entries: { key: Key; value: string }[] = [];

  put(key: unknown, value: string): void {
    const converted = valueToKey(key);
    let at = 0;
    while (at < this.entries.length && cmp(this.entries[at]!.key, converted) < 0) at++;
    this.entries.splice(at, 0, { key: converted, value });
  }

  values(): string[] {
    return this.entries.map(entry => entry.value);
  }
}
