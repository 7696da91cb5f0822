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
/** Examples shown for each field that differs: enough to see a pattern. */
const MAX_REPORTED = 4;

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

    const reports = new Map<string, string[]>(); // by the field that differs, so distinct bugs are not buried under a common one
    const tally = new CoverageTally();
    let operations = 0;
    chains.forEach(({ testCase, outcomes }, index) => {
      const mismatch = firstMismatch(outcomes, numpy[index]!);
      // A mismatching operation counts as compared; the base (step 0) is not an operation.
      const compared = mismatch === null ? outcomes.length - 1 : mismatch.step;
      operations += compared;
      tally.add(testCase, numpy[index]!, compared);
      if (mismatch === null) return;
      const sameField = reports.get(mismatch.field) ?? [];
      sameField.push(describeMismatch(testCase, mismatch, `seed ${seed}, case ${index}`));
      reports.set(mismatch.field, sameField);
    });

    console.log(
      `numpy differential (random chains): ${chains.length} chains, ${operations} operations compared with NumPy, seed ${seed}\n  ${tally.toString()}`,
    );
    const failed = [...reports.values()].reduce((n, group) => n + group.length, 0);
    const examples = [...reports].flatMap(([field, group]) => [
      `--- ${group.length} chains first differ in ${field}; the first ${Math.min(group.length, MAX_REPORTED)}:`,
      ...group.slice(0, MAX_REPORTED),
    ]);
    expect(
      failed,
      `${failed} of ${chains.length} chains disagree with NumPy (replay: ${replay})\n\n${examples.join('\n\n')}\n`,
    ).toBe(0);
    expect(tally.missing(REQUIRED_COVERAGE), `the generator never reached these outcomes (seed ${seed})`).toEqual([]);
  });
});
