// The numbers every contender works on, and the references their results are checked against.
// numpy_bench.py generates the same numbers: element i of a generator (mult, mod, shift) is
// ((i * mult) % mod) / mod + shift, computed in float64 (exactly the same operations on both
// sides), then stored in the dtype. All values are positive, so a contender that skips or
// repeats elements moves a sum by far more than rounding does.

export const X = { mult: 7919, mod: 1000, shift: 0.25 };
export const Y = { mult: 104729, mod: 997, shift: 0.5 };

export const ARRAYS = { f64: Float64Array, f32: Float32Array };

/** Fills `array` (any float typed array) from a generator. */
export function generate(array, { mult, mod, shift }) {
  for (let i = 0; i < array.length; i++) array[i] = ((i * mult) % mod) / mod + shift;
  return array;
}

/** Sum over k of a[k] * (k % 7 + 1), in float64 (compensated): a copy in the wrong order changes it. */
export function checksum(a) {
  return accurateSum(a.length, k => a[k] * ((k % 7) + 1));
}

/**
 * Undefined when a checksum computed elsewhere (NumPy sums in another order) matches `expected`.
 * The 2000×2000 matrix copied untransposed moves it by 1.6e-7, one element missing by about 1/n;
 * rounding, by far less than the tolerance.
 */
export function checksumProblem(value, expected) {
  return Math.abs(value - expected) <= 1e-10 * Math.abs(expected)
    ? undefined
    : `the checksum of the output is ${value}, expected ${expected}`;
}

/** A sum in float64 with Neumaier's compensation: the reference for sum and dot. */
export function accurateSum(n, term) {
  let sum = 0;
  let compensation = 0;
  for (let i = 0; i < n; i++) {
    const t = term(i);
    const next = sum + t;
    compensation += Math.abs(sum) >= Math.abs(t) ? sum - next + t : t - next + sum;
    sum = next;
  }
  return sum + compensation;
}

/** Index of the first element where `actual` differs from `expected`, or -1. */
export function firstDifference(actual, expected) {
  if (actual.length !== expected.length) return 0;
  for (let i = 0; i < expected.length; i++) if (actual[i] !== expected[i]) return i;
  return -1;
}

/** The product a·b of two C-order n×n matrices, in float64, i-p-j: the matmul reference. */
export function referenceMatmul(a, b, n) {
  const c = new Float64Array(n * n);
  for (let i = 0; i < n; i++) {
    for (let p = 0; p < n; p++) {
      const aip = a[i * n + p];
      for (let j = 0; j < n; j++) c[i * n + j] += aip * b[p * n + j];
    }
  }
  return c;
}
