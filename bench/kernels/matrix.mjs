// The two-dimensional cases, f64: the C-order copy of a transposed n×n matrix (the explicit fix for
// a NonContiguousError on `a.T`), and the matrix product. Each contender's output is compared
// with the reference in full; NumPy's through the weighted checksum, which the order of the
// elements changes.
import { createRequire } from 'node:module';
import { kernels } from '@memsafe/runtime';
import ndarray from 'ndarray';
import ops from 'ndarray-ops';
import { X, Y, checksum, checksumProblem, firstDifference, generate, referenceMatmul } from './data.mjs';
import { PLACEMENTS, allocViews, elementsOf, placementCall, placementLabel, placementOption } from './memsafe.mjs';
import * as plain from './plain.mjs';
import { jsContender, numpyContender } from './runner.mjs';

const require = createRequire(import.meta.url);
const dcopy = require('@stdlib/blas/base/dcopy');
const dgemm = require('@stdlib/blas/base/dgemm');

/** A judge of an output array: undefined when it holds exactly `expected`, else the first difference. */
const sameAs = expected => actual => {
  const at = firstDifference(actual, expected);
  return at < 0 ? undefined : `element ${at} is ${actual[at]}, expected ${expected[at]}`;
};

/** JavaScript contenders that write `target`: the check zeroes it, calls once and asks `judge(target)`. */
const writers = judge => (id, label, call, target, run) =>
  jsContender({
    id,
    label,
    call,
    run,
    check: () => {
      target.fill(0);
      run();
      return judge(target);
    },
  });

/** The transposed copy of an n×n f64 matrix: into new memory, and into an existing C-order array. */
export function transposeCases(numpy, n) {
  const a = generate(new Float64Array(n * n), X);
  const out = new Float64Array(n * n);
  const expected = new Float64Array(n * n);
  for (let i = 0; i < n; i++) for (let j = 0; j < n; j++) expected[i * n + j] = a[j * n + i];
  const expectedChecksum = checksum(expected);
  const into = writers(sameAs(expected));
  // A contender that returns a new view, whose elements in C order are checked.
  const np = (id, label, call, task) =>
    numpyContender(numpy, { id, label, call, task, check: value => checksumProblem(value, expectedChecksum) });

  const allocating = [];
  const existing = [];
  for (const placement of PLACEMENTS) {
    const [view, target] = allocViews(
      'f64',
      [
        [n, n],
        [n, n],
      ],
      placement,
    );
    generate(elementsOf(view), X);
    const at = view.T;
    const where = placementCall(placement);
    // The copy goes where `a` is, and is freed at once, as NumPy's is when its last reference goes.
    const copyOf = () => kernels.ascontiguous(at, placementOption(placement));
    allocating.push(
      jsContender({
        id: `memsafe-${placement}`,
        label: placementLabel(placement),
        call: `\`kernels.ascontiguous(a.T${placement === 'default' ? '' : `, { placement: '${placement}' }`})\` then \`.memory.free()\`, \`a\` from \`${where}\``,
        run: () => copyOf().memory.free(),
        check: () => {
          const copy = copyOf();
          const problem = sameAs(expected)(copy.toTypedArray());
          copy.memory.free();
          return problem;
        },
      }),
    );
    existing.push(
      into(
        `memsafe-${placement}`,
        placementLabel(placement),
        `\`kernels.assign(a.T, out)\`, \`a\` and \`out\` each from \`${where}\``,
        elementsOf(target),
        () => kernels.assign(at, target),
      ),
    );
  }
  allocating.push(np('numpy', 'NumPy', '`np.ascontiguousarray(a.T)`', 'ascontiguous'));
  existing.push(
    into('plain', 'plain JS loop', '`out[i*n + j] = a[j*n + i]` in `for` i, `for` j', out, () =>
      plain.transpose(a, out, n),
    ),
  );
  existing.push(
    into('stdlib', '@stdlib/blas', '`dcopy.ndarray(n, a, n, i, out, 1, i*n)` for each row i', out, () => {
      for (let i = 0; i < n; i++) dcopy.ndarray(n, a, n, i, out, 1, i * n);
    }),
  );
  const ndOut = ndarray(out, [n, n]);
  const ndAT = ndarray(a, [n, n]).transpose(1, 0);
  existing.push(
    into('ndarray-ops', 'ndarray-ops', '`ops.assign(out, a.transpose(1, 0))`', out, () => ops.assign(ndOut, ndAT)),
  );
  existing.push(np('numpy', 'NumPy', '`np.copyto(out, a.T)`', 'copyto'));
  const units = n * n;
  return [
    {
      key: `ascontiguous:${n}`,
      title: `transposed ${n}×${n} f64, into new memory`,
      units,
      extra: { kind: 'ascontiguous', n },
      contenders: allocating,
    },
    {
      key: `transpose-assign:${n}`,
      title: `transposed ${n}×${n} f64, into an existing array`,
      units,
      extra: { kind: 'transpose-assign', n },
      contenders: existing,
    },
  ];
}

/** The product of two n×n f64 matrices into an existing C-order array; units are multiply-adds. */
export function matmulCases(numpy, n) {
  const a = generate(new Float64Array(n * n), X);
  const b = generate(new Float64Array(n * n), Y);
  const c = new Float64Array(n * n);
  const expected = referenceMatmul(a, b, n);
  const expectedChecksum = checksum(expected);
  const into = writers(target => {
    for (let k = 0; k < target.length; k++) {
      if (!(Math.abs(target[k] - expected[k]) <= 1e-12 * expected[k]))
        return `element ${k} is ${target[k]}, expected ${expected[k]}`;
    }
    return undefined;
  });
  const contenders = [];
  for (const placement of PLACEMENTS) {
    const [av, bv, cv] = allocViews(
      'f64',
      [
        [n, n],
        [n, n],
        [n, n],
      ],
      placement,
    );
    for (const [view, source] of [
      [av, a],
      [bv, b],
    ])
      elementsOf(view).set(source);
    contenders.push(
      into(
        `memsafe-${placement}`,
        placementLabel(placement),
        `\`kernels.matmul(a, b, out)\`, each from \`${placementCall(placement)}\``,
        elementsOf(cv),
        () => kernels.matmul(av, bv, cv),
      ),
    );
  }
  contenders.push(
    into('plain', 'plain JS loop', '`out[i*n + j] += a[i*n + p] * b[p*n + j]` in `for` i, `for` p, `for` j', c, () =>
      plain.matmul(a, b, c, n),
    ),
  );
  contenders.push(
    into(
      'stdlib',
      '@stdlib/blas',
      "`dgemm('row-major', 'no-transpose', 'no-transpose', n, n, n, 1, a, n, b, n, 0, out, n)`",
      c,
      () => dgemm('row-major', 'no-transpose', 'no-transpose', n, n, n, 1, a, n, b, n, 0, c, n),
    ),
  );
  contenders.push(
    numpyContender(numpy, {
      id: 'numpy',
      label: 'NumPy',
      call: '`np.matmul(a, b, out=out)`',
      task: 'matmul',
      check: value => checksumProblem(value, expectedChecksum),
    }),
  );
  return [
    { key: `matmul:${n}`, title: `matmul ${n}×${n} f64`, units: n * n * n, extra: { kind: 'matmul', n }, contenders },
  ];
}
