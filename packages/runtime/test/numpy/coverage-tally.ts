import type { Outcome, ViewCase } from './view-case.js';

/**
 * Counts what NumPy did across the compared steps, so that a run shows (and a test can require) that
 * the generator reached every kind of answer: agreeing on thousands of easy cases proves little.
 */
export class CoverageTally {
  readonly counts = new Map<string, number>();

  /** Counts NumPy's answers to the first `comparedOps` operations of `testCase` (its outcome 0 is the base). */
  add(testCase: ViewCase, numpy: readonly Outcome[], comparedOps: number): void {
    for (let step = 1; step <= comparedOps; step++) {
      const op = testCase.ops[step - 1]!;
      const before = numpy[step - 1]!;
      const outcome = numpy[step]!;
      if (outcome.kind === 'error') {
        this.#count(`${op.op} -> ${outcome.error} error`);
        continue;
      }
      this.#count(`${op.op} -> view`);
      if (outcome.shape.length === 0) this.#count('0-d view');
      if (outcome.values.length === 0) this.#count('size-0 view');
      if (outcome.strides.some(stride => stride < 0)) this.#count('negative stride');
      if (outcome.strides.some(stride => stride === 0)) this.#count('zero stride');
      if (op.op === 'reshape' && before.kind === 'view' && !before.c)
        this.#count('reshape of a non-C-contiguous view without a copy');
    }
  }

  missing(required: readonly string[]): string[] {
    return required.filter(name => !this.counts.has(name));
  }

  toString(): string {
    return [...this.counts]
      .sort(([a], [b]) => a.localeCompare(b))
      .map(([name, count]) => `${name}: ${count}`)
      .join(', ');
  }

  #count(name: string): void {
    this.counts.set(name, (this.counts.get(name) ?? 0) + 1);
  }
}
