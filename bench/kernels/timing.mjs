// How one JavaScript sample is taken, and the statistics over samples. numpy_bench.py takes its
// samples the same way (Bench.time): a sample is `reps` back-to-back calls, with reps chosen once,
// in the uncounted warm-up round, so that a sample lasts at least the minimum sample time.

/**
 * `reps` calls of `run`, timed together. `args` is the pair of arguments that alternate between
 * calls (so that in-place updates undo each other and the data stay put). The previous sample's
 * garbage is collected first, outside the timed region (needs --expose-gc).
 */
export function sample(run, args, reps) {
  globalThis.gc?.();
  let value;
  const start = process.hrtime.bigint();
  for (let r = 0; r < reps; r++) value = run(args[r & 1]);
  const ns = Number(process.hrtime.bigint() - start);
  return { ns, value };
}

/** The reps for which one sample of `run` takes at least `minNs`, and that sample. */
export function calibrate(run, args, minNs) {
  let reps = 1;
  for (;;) {
    const result = sample(run, args, reps);
    if (result.ns >= minNs) return { reps, ...result };
    reps = Math.max(reps * 2, Math.floor((reps * minNs * 1.2) / Math.max(result.ns, 1)) + 1);
  }
}

export function median(values) {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = sorted.length >> 1;
  return sorted.length % 2 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
}

/** The list turned left by `by`: round r starts with a different contender. */
export function rotate(list, by) {
  const k = list.length === 0 ? 0 : by % list.length;
  return [...list.slice(k), ...list.slice(0, k)];
}
