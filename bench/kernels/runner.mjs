// Runs a list of cases side by side. A case is one operation at one size, with its contenders; a
// contender can check itself once and time itself (JavaScript in this process, NumPy through
// numpy_bench.py). The order: every contender is checked first, and one that gives a wrong answer
// (or throws) is reported as wrong and never timed; then an uncounted warm-up round fixes each
// contender's reps; then the timed rounds, each visiting every case and, within a case, every
// contender, starting one contender further on each round.
import { calibrate, median, rotate, sample } from './timing.mjs';

/**
 * A contender timed in this process. `run(arg)` does one call; `args` are the two arguments that
 * alternate between calls; `check()` returns undefined when the contender's answer is right, or a
 * description of what is wrong.
 */
export function jsContender({ id, label, call, run, args = [undefined, undefined], check }) {
  return {
    id,
    label,
    call,
    check: async () => check(),
    time: async (reps, minNs) =>
      reps === undefined ? calibrate(run, args, minNs) : { reps, ...sample(run, args, reps) },
  };
}

/** A NumPy task of numpy_bench.py; `check(value)` judges the value its check request returns. */
export function numpyContender(numpy, { id, label, call, task, check }) {
  return {
    id,
    label,
    call,
    check: async () => check((await numpy.request({ cmd: 'check', task })).value),
    time: async (reps, minNs) =>
      numpy.request(reps === undefined ? { cmd: 'time', task, minNs } : { cmd: 'time', task, reps }),
  };
}

const describe = error => `throws ${error?.name ?? 'an error'}: ${String(error?.message ?? error).split('\n')[0]}`;

/**
 * Runs `cases` (each `{ key, title, units, verify?, extra?, contenders }`: `units` the elements a
 * call handles, `verify(value)` a check of each sample's return value, `extra` whatever the case
 * collected, passed through) and returns, per case and contender, the ns per unit of every timed
 * round.
 */
export async function runCases(cases, { rounds, minNs, log }) {
  const state = new Map();
  const wrong = (contender, problem, c) => {
    state.get(contender).wrong = problem;
    log(`  ✗ ${c.title}, ${contender.label}: ${problem}`);
  };
  const usable = c => c.contenders.filter(contender => state.get(contender).wrong === undefined);
  // One timing, with its return value checked when the case checks return values.
  const timeOnce = async (c, contender, reps) => {
    const entry = state.get(contender);
    try {
      const result = await contender.time(reps, minNs);
      const problem = result.value === undefined || result.value === null ? undefined : c.verify?.(result.value);
      if (problem !== undefined) return wrong(contender, `a timed call returned a wrong value: ${problem}`, c);
      entry.reps = result.reps;
      if (reps !== undefined) entry.samples.push(result.ns / (result.reps * c.units));
    } catch (error) {
      wrong(contender, describe(error), c);
    }
  };

  for (const c of cases) {
    for (const contender of c.contenders) {
      state.set(contender, { samples: [], reps: undefined, wrong: undefined });
      try {
        const problem = await contender.check();
        if (problem !== undefined) wrong(contender, problem, c);
      } catch (error) {
        wrong(contender, describe(error), c);
      }
    }
  }
  for (const c of cases) for (const contender of usable(c)) await timeOnce(c, contender, undefined);
  for (let round = 0; round < rounds; round++) {
    const start = performance.now();
    for (const [index, c] of cases.entries()) {
      for (const contender of rotate(usable(c), round + index)) await timeOnce(c, contender, state.get(contender).reps);
    }
    log(`  round ${round + 1}/${rounds}: ${((performance.now() - start) / 1000).toFixed(1)} s`);
  }
  for (const c of cases) {
    log(
      `  ${c.title}: ${c.contenders.map(k => `${k.label} ${state.get(k).wrong ? 'wrong' : median(state.get(k).samples).toFixed(3)}`).join(', ')}`,
    );
  }
  return cases.map(c => ({
    key: c.key,
    title: c.title,
    units: c.units,
    extra: c.extra,
    contenders: c.contenders.map(contender => ({
      id: contender.id,
      label: contender.label,
      call: contender.call,
      ...state.get(contender),
    })),
  }));
}
