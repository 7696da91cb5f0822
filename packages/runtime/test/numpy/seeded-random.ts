/**
 * A small seeded PRNG (mulberry32): the same seed gives the same cases on every machine, so a failure
 * seen once can be replayed with MEMSAFE_SEED.
 */
export class SeededRandom {
  #state: number;

  constructor(seed: number) {
    this.#state = seed >>> 0;
  }

  /** A float in [0, 1). */
  next(): number {
    this.#state = (this.#state + 0x6d2b79f5) >>> 0;
    let t = this.#state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  }

  /** An integer in [min, max], both included. */
  int(min: number, max: number): number {
    return min + Math.floor(this.next() * (max - min + 1));
  }

  chance(probability: number): boolean {
    return this.next() < probability;
  }

  pick<T>(items: readonly T[]): T {
    return items[Math.floor(this.next() * items.length)]!;
  }

  shuffle<T>(items: readonly T[]): T[] {
    const out = [...items];
    for (let i = out.length - 1; i > 0; i--) {
      const j = this.int(0, i);
      [out[i], out[j]] = [out[j]!, out[i]!];
    }
    return out;
  }
}

/** MEMSAFE_SEED when set (to replay a failure), otherwise a new seed each run so runs cover new cases. */
export function seedFromEnv(): number {
  const text = process.env['MEMSAFE_SEED'];
  if (text === undefined || text === '') return Date.now() >>> 0;
  const seed = Number(text);
  if (!Number.isSafeInteger(seed) || seed < 0)
    throw new Error(`MEMSAFE_SEED must be a non-negative integer, got ${JSON.stringify(text)}`);
  return seed >>> 0;
}
