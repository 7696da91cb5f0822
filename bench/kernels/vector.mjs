// The one-dimensional kernels: sum, dot, axpy, scale, fill and assign at one dtype and size, with
// every contender. The plain loop, the TypedArray built-ins, @stdlib/blas and ndarray-ops share
// one set of typed arrays; each memsafe placement has its own; NumPy has its own in its process.
// The updates write `out`, so x and y stay as generated for sum and dot.
import { createRequire } from 'node:module';
import { kernels } from '@memsafe/runtime';
import ndarray from 'ndarray';
import ops from 'ndarray-ops';
import { ARRAYS, X, Y, accurateSum, checksum, checksumProblem, firstDifference, generate } from './data.mjs';
import { PLACEMENTS, allocViews, elementsOf, placementCall, placementLabel } from './memsafe.mjs';
import * as plain from './plain.mjs';
import { jsContender, numpyContender } from './runner.mjs';

const require = createRequire(import.meta.url);

export const OPS = ['sum', 'dot', 'axpy', 'scale', 'fill', 'assign'];

// @stdlib/blas has no plain `dsum` in BLAS proper; ext/base/dsumpw is its pairwise sum, the same
// algorithm as NumPy's (ext/base/dsum is Kahan–Babuška–Neumaier, more accurate and slower).
const STDLIB = {
  f64: {
    sum: 'ext/base/dsumpw',
    dot: 'base/ddot',
    axpy: 'base/daxpy',
    scale: 'base/dscal',
    fill: 'ext/base/dfill',
    assign: 'base/dcopy',
  },
  f32: {
    sum: 'ext/base/ssumpw',
    dot: 'base/sdot',
    axpy: 'base/saxpy',
    scale: 'base/sscal',
    fill: 'ext/base/sfill',
    assign: 'base/scopy',
  },
};

// Timed calls alternate these arguments, so repeated updates undo each other: out += 0.5 x then
// out -= 0.5 x; out *= 2 then out *= 0.5. The check call uses CHECK_ARG, for which every correct
// implementation gives exactly the same bits (2 x is exact, so y + 2 x rounds once however it is
// computed, fused or not).
const ARGS = { axpy: [0.5, -0.5], scale: [2, 0.5], fill: [0.25, 0.25] };
const CHECK_ARG = { axpy: 2, scale: 2, fill: 0.25 };

/**
 * How far a sum or dot may be from the compensated float64 reference, relative to it. float64
 * summation in any order errs by far less than 1e-10 here; a float32 accumulator (NumPy's pairwise
 * float32 sum, OpenBLAS's sdot, @stdlib's ssumpw and sdot) errs by up to about 1e-3 at 8e6 positive
 * elements. Dropping or repeating a share of the elements moves the result by far more.
 */
export const TOLERANCE = { f64: 1e-10, f32: 5e-3 };

function typedStorage(dtype, n) {
  const Typed = ARRAYS[dtype];
  return { x: generate(new Typed(n), X), y: generate(new Typed(n), Y), out: new Typed(n) };
}

function memsafeStorage(dtype, n, placement) {
  const [xv, yv, ov] = allocViews(dtype, [[n], [n], [n]], placement);
  const storage = { xv, yv, ov, x: elementsOf(xv), y: elementsOf(yv), out: elementsOf(ov) };
  generate(storage.x, X);
  generate(storage.y, Y);
  return storage;
}

/** The cases of one dtype and size; `tasks` are the NumPy tasks numpy_bench.py set up for it. */
export function vectorCases(numpy, tasks, dtype, n) {
  const d = typedStorage(dtype, n);
  const zeros = new ARRAYS[dtype](n);
  const reference = {
    sum: accurateSum(n, i => d.x[i]),
    dot: accurateSum(n, i => d.x[i] * d.y[i]),
  };
  // For the updates: what `out` holds before the check call, and what it must hold after.
  const expect = {
    axpy: { before: d.y, after: ARRAYS[dtype].from(d.y, (v, i) => v + 2 * d.x[i]) },
    scale: { before: d.x, after: ARRAYS[dtype].from(d.x, v => 2 * v) },
    fill: { before: zeros, after: new ARRAYS[dtype](n).fill(0.25) },
    assign: { before: zeros, after: d.x },
  };
  const s = Object.fromEntries(OPS.map(op => [op, require(`@stdlib/blas/${STDLIB[dtype][op]}`)]));
  const stdlibName = op => STDLIB[dtype][op].split('/').at(-1);
  const nd = { x: ndarray(d.x), out: ndarray(d.out) };
  const memsafeData = PLACEMENTS.map(placement => [placement, memsafeStorage(dtype, n, placement)]);

  return OPS.map(op => {
    const errors = {};
    const key = `${op}:${dtype}:${n}`;
    const relative = value => Math.abs(value - reference[op]) / Math.abs(reference[op]);
    const verify = value =>
      relative(value) <= TOLERANCE[dtype]
        ? undefined
        : `${value} is ${relative(value).toExponential(1)} from ${reference[op]}`;
    // A JavaScript contender over `storage` (whose `out` the updates write).
    const js = (id, label, call, storage, run) => {
      const check = () => {
        if (op === 'sum' || op === 'dot') {
          const value = run();
          errors[id] = relative(value);
          return verify(value);
        }
        storage.out.set(expect[op].before);
        run(CHECK_ARG[op]);
        const at = firstDifference(storage.out, expect[op].after);
        return at < 0 ? undefined : `out[${at}] is ${storage.out[at]}, expected ${expect[op].after[at]}`;
      };
      return jsContender({ id, label, call, run, args: ARGS[op], check });
    };
    const np = (id, label, call, task) =>
      numpyContender(numpy, {
        id,
        label,
        call,
        task,
        check: value => {
          if (op === 'sum' || op === 'dot') {
            errors[id] = relative(value);
            return verify(value);
          }
          return checksumProblem(value, checksum(expect[op].after));
        },
      });

    const contenders = [];
    for (const [placement, m] of memsafeData) {
      const id = `memsafe-${placement}`;
      const label = placementLabel(placement);
      const where = placementCall(placement);
      const memsafe = {
        sum: [`kernels.sum(x)`, () => kernels.sum(m.xv)],
        dot: [`kernels.dot(x, y)`, () => kernels.dot(m.xv, m.yv)],
        axpy: [`kernels.axpy(a, x, out)`, a => kernels.axpy(a, m.xv, m.ov)],
        scale: [`kernels.scale(a, out)`, a => kernels.scale(a, m.ov)],
        fill: [`kernels.fill(out, v)`, v => kernels.fill(m.ov, v)],
        assign: [`kernels.assign(x, out)`, () => kernels.assign(m.xv, m.ov)],
      }[op];
      contenders.push(js(id, label, `\`${memsafe[0]}\`; x, y, out each from \`${where}\``, m, memsafe[1]));
    }
    const loop = {
      sum: ['s += x[i]', () => plain.sum(d.x)],
      dot: ['s += x[i] * y[i]', () => plain.dot(d.x, d.y)],
      axpy: ['out[i] += a * x[i]', a => plain.axpy(a, d.x, d.out)],
      scale: ['out[i] *= a', a => plain.scale(a, d.out)],
      fill: ['out[i] = v', v => plain.fill(d.out, v)],
      assign: ['out[i] = x[i]', () => plain.assign(d.x, d.out)],
    }[op];
    contenders.push(js('plain', 'plain JS loop', `\`${loop[0]}\` in a \`for\` loop`, d, loop[1]));
    if (op === 'fill') contenders.push(js('builtin', 'TypedArray built-in', '`out.fill(v)`', d, v => d.out.fill(v)));
    if (op === 'assign') contenders.push(js('builtin', 'TypedArray built-in', '`out.set(x)`', d, () => d.out.set(d.x)));
    const f = s[op];
    const stdlib = {
      sum: ['(N, x, 1)', () => f(n, d.x, 1)],
      dot: ['(N, x, 1, y, 1)', () => f(n, d.x, 1, d.y, 1)],
      axpy: ['(N, a, x, 1, out, 1)', a => f(n, a, d.x, 1, d.out, 1)],
      scale: ['(N, a, out, 1)', a => f(n, a, d.out, 1)],
      fill: ['(N, v, out, 1)', v => f(n, v, d.out, 1)],
      assign: ['(N, x, 1, out, 1)', () => f(n, d.x, 1, d.out, 1)],
    }[op];
    contenders.push(js('stdlib', '@stdlib/blas', `\`${stdlibName(op)}${stdlib[0]}\``, d, stdlib[1]));
    // ndarray-ops has no dot and no axpy (no fused multiply-add over two arrays).
    const scijs = {
      sum: ['ops.sum(x)', () => ops.sum(nd.x)],
      scale: ['ops.mulseq(out, a)', a => ops.mulseq(nd.out, a)],
      fill: ['ops.assigns(out, v)', v => ops.assigns(nd.out, v)],
      assign: ['ops.assign(out, x)', () => ops.assign(nd.out, nd.x)],
    }[op];
    if (scijs)
      contenders.push(js('ndarray-ops', 'ndarray-ops', `\`${scijs[0]}\` over \`ndarray(typedArray)\``, d, scijs[1]));
    const numpyCalls = {
      sum: [['numpy', 'NumPy', '`x.sum()`', 'sum']],
      dot: [['numpy', 'NumPy', '`np.dot(x, y)`', 'dot']],
      axpy: [
        ['numpy', 'NumPy', '`out += a * x` (a new `a * x` each call)', 'axpy'],
        [
          'numpy-prealloc',
          'NumPy, no allocation',
          '`np.multiply(x, a, out=tmp)`, then `np.add(out, tmp, out=out)`',
          'axpy-prealloc',
        ],
        [
          'numpy-blas',
          'OpenBLAS axpy (SciPy)',
          `\`scipy.linalg.blas.${dtype === 'f64' ? 'd' : 's'}axpy(x, out, a=a)\`, in place`,
          'axpy-blas',
        ],
      ],
      scale: [['numpy', 'NumPy', '`out *= a`', 'scale']],
      fill: [['numpy', 'NumPy', '`out.fill(v)`', 'fill']],
      assign: [['numpy', 'NumPy', '`np.copyto(out, x)`', 'assign']],
    }[op];
    for (const [id, label, call, task] of numpyCalls)
      if (tasks.includes(task)) contenders.push(np(id, label, call, task));
    return {
      key,
      title: `${op} ${dtype} n=${n}`,
      units: n,
      verify: op === 'sum' || op === 'dot' ? verify : undefined,
      extra: { op, dtype, n, errors },
      contenders,
    };
  });
}
