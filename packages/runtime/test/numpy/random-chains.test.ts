import { describe, expect, it } from 'vitest';
import { firstMismatch, describeMismatch } from './compare-outcomes.js';
import { CoverageTally } from './coverage-tally.js';
import { askNumPy } from './numpy-oracle.js';
import { randomBase, randomOp } from './random-view-case.js';
import { describeView, runtimeBase, runtimeStep } from './runtime-replay.js';
import { SeededRandom, seedFromEnv } from './seeded-random.js';
import type { Outcome, ViewCase, ViewOp } from './view-case.js';

const CHAINS = 4000;
const MAX_OPS = 4;
/** Enough examples to see a pattern; the count of all of them comes first. */
const MAX_REPORTED = 10;

/** What every run must reach, so that agreement means something (see CoverageTally). */
const REQUIRED_COVERAGE = [
  'slice -> view',
  'slice -> out-of-bounds error',
  'slice -> index error',
  'transpose -> view',
  'T -> view',
  'reshape -> view',
  'reshape -> would-copy error',
  'reshape -> shape error',
  'reshape of a non-C-contiguous view without a copy',
  '0-d view',
  'size-0 view',
  'negative stride',
  'zero stride',
];

const seed = seedFromEnv();
const replay = `MEMSAFE_SEED=${seed} npx vitest run packages/runtime/test/numpy/random-chains.test.ts`;

/**
 * One random chain run on the runtime. The next operation is drawn from the shape of the runtime's
 * current view, so the chain is only known once it has run; NumPy then replays it.
 */
function randomChainOnRuntime(random: SeededRandom): { testCase: ViewCase; outcomes: Outcome[] } {
  const base = randomBase(random);
  let view = runtimeBase(base);
  const ops: ViewOp[] = [];
  const outcomes: Outcome[] = [describeView(view)];
  for (let n = random.int(1, MAX_OPS); n > 0; n--) {
    const op = randomOp(random, view.shape);
    ops.push(op);
    const step = runtimeStep(view, op);
    outcomes.push(step.outcome);
    if (step.view === null) break; // a chain ends at its first error
    view = step.view;
  }
  return { testCase: { base, ops }, outcomes };
}

describe('views match NumPy on random chains of slice, transpose, T and reshape', () => {
  it(`${CHAINS} chains (seed ${seed})`, () => {
    const random = new SeededRandom(seed);
    const chains = Array.from({ length: CHAINS }, () => randomChainOnRuntime(random));
    const numpy = askNumPy(chains.map(chain => chain.testCase));

    const reports: string[] = [];
    const tally = new CoverageTally();
    let steps = 0;
    chains.forEach(({ testCase, outcomes }, index) => {
      const mismatch = firstMismatch(outcomes, numpy[index]!);
      const compared = mismatch === null ? outcomes.length : mismatch.step + 1;
      steps += compared;
      tally.add(testCase, numpy[index]!, mismatch === null ? compared : mismatch.step);
      if (mismatch !== null) reports.push(describeMismatch(testCase, mismatch, `seed ${seed}, case ${index}`));
    });

    console.log(`numpy differential (random chains): ${chains.length} chains, ${steps} steps compared with NumPy, seed ${seed}\n  ${tally.toString()}`);
    expect(
      reports.length,
      `${reports.length} of ${chains.length} chains disagree with NumPy (replay: ${replay}); the first ${Math.min(reports.length, MAX_REPORTED)}:\n\n` +
        reports.slice(0, MAX_REPORTED).join('\n\n'),
    ).toBe(0);
    expect(tally.missing(REQUIRED_COVERAGE), `the generator never reached these outcomes (seed ${seed})`).toEqual([]);
  });
});
