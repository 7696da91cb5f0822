// The markdown report of bench/kernels: machine and versions, method, the targets of issue 6 with
// a verdict each, then every measurement in full.
import { machineRows } from '../machine.mjs';
import { placementLabel, placementName } from './memsafe.mjs';
import { median } from './timing.mjs';
import { TOLERANCE } from './vector.mjs';
import { VIEW_OPS } from './viewmem.mjs';

// Issue 6, point 3: memsafe / NumPy, medians, single-threaded NumPy in the same run.
const VECTOR_TARGETS = { 1e5: 1.0, 1e6: 1.0, 8e6: 1.1 };
const VECTOR_TARGET_OPS = ['sum', 'dot', 'axpy', 'scale'];
// Issue 15: on the default placement, on every Node, ≤ 1.1× at 1e5 and 1e6; dot and scale ≤ 1.0×
// where the engine has relaxed SIMD.
const NODE_TARGET_SIZES = [1e5, 1e6];
const NODE_TARGET = 1.1;
const RELAXED_TARGET = { ops: ['dot', 'scale'], limit: 1.0 };
const TRANSPOSE_TARGET = 1.0;
const ACCESS_TARGET = 1.1;
// View operations allocate no element storage: less than this over all the views counts as none
// (the smallest view made has 2000 elements, so storage for every view would be megabytes).
const VIEW_BYTES_LIMIT = 64 * 1024;

const sizeLabel = n => {
  const exponent = Math.floor(Math.log10(n));
  return `${n / 10 ** exponent}e${exponent}`;
};
const ns = value =>
  value === undefined ? '—' : value < 1 ? value.toFixed(3) : value < 10 ? value.toFixed(2) : value.toFixed(1);
const times = value => (value === undefined ? '—' : `${value.toFixed(2)}×`);
const bytes = value => `${value < 0 ? '−' : '+'}${Math.abs(value).toLocaleString('en-US')} B`;
const cell = text => String(text).replaceAll('|', '\\|');

/** Nearest-rank quantile. */
const quantile = (values, q) => [...values].sort((a, b) => a - b)[Math.max(0, Math.ceil(q * values.length) - 1)];
const med = contender =>
  contender === undefined || contender.wrong !== undefined || contender.samples.length === 0
    ? undefined
    : median(contender.samples);
/** Half the interquartile range, relative to the median. */
const spread = contender => {
  const m = med(contender);
  return m === undefined ? undefined : (quantile(contender.samples, 0.75) - quantile(contender.samples, 0.25)) / 2 / m;
};
const withSpread = contender => {
  if (contender?.wrong !== undefined) return '**wrong**';
  const m = med(contender);
  if (m === undefined) return '—';
  const s = spread(contender);
  return contender.samples.length < 4 || s < 0.005 ? ns(m) : `${ns(m)} ±${(s * 100).toFixed(0)}%`;
};
const find = (result, id) => result?.contenders.find(contender => contender.id === id);
const verdict = (ratio, target) =>
  ratio === undefined
    ? 'not measured'
    : ratio <= target
      ? 'met'
      : `missed by ${((ratio / target - 1) * 100).toFixed(0)}%`;

/** NumPy's time for a case: for axpy, NumPy's faster in-place form (it has no axpy of its own). */
function numpyTime(result) {
  const candidates = ['numpy', 'numpy-prealloc'].map(id => med(find(result, id))).filter(value => value !== undefined);
  return candidates.length === 0 ? undefined : Math.min(...candidates);
}

/** Contenders in order of first appearance over a list of case results. */
function contenderList(results) {
  const seen = new Map();
  for (const result of results)
    for (const contender of result.contenders) if (!seen.has(contender.id)) seen.set(contender.id, contender);
  return [...seen.values()];
}

function vectorTables(data) {
  const { sizes, placements, results } = data;
  const vector = dtype => results[`vector-${dtype}`];
  const caseOf = (dtype, op, n) => vector(dtype).find(result => result.extra.op === op && result.extra.n === n);
  const ops = [...new Set(vector('f64').map(result => result.extra.op))];
  const header = `| ${sizes.map(sizeLabel).join(' | ')} |`;
  const rule = `| ${sizes.map(() => '---').join(' | ')} |`;

  const ratioRows = [];
  const targetRows = [];
  for (const op of ops) {
    for (const dtype of ['f64', 'f32']) {
      for (const placement of placements) {
        const ratios = sizes.map(n => {
          const result = caseOf(dtype, op, n);
          const mine = med(find(result, `memsafe-${placement}`));
          const theirs = numpyTime(result);
          return mine === undefined || theirs === undefined ? undefined : mine / theirs;
        });
        const targeted = VECTOR_TARGET_OPS.includes(op);
        const misses = sizes.flatMap((n, i) =>
          targeted && n in VECTOR_TARGETS && !(ratios[i] <= VECTOR_TARGETS[n])
            ? [`${sizeLabel(n)} ${verdict(ratios[i], VECTOR_TARGETS[n]).replace('missed ', '')}`]
            : [],
        );
        const target = targeted ? '≤ 1.0× at 1e5, 1e6; ≤ 1.1× at 8e6' : 'none';
        const outcome = !targeted ? '—' : misses.length === 0 ? 'met' : `missed: ${misses.join(', ')}`;
        ratioRows.push(
          `| ${op} | ${dtype} | ${placementName(placement)} | ${ratios.map(times).join(' | ')} | ${target} | ${outcome} |`,
        );
        if (targeted) {
          for (const [i, n] of sizes.entries()) {
            if (n in VECTOR_TARGETS)
              targetRows.push({
                what: `${op} ${dtype} at ${sizeLabel(n)}`,
                target: `≤ ${VECTOR_TARGETS[n].toFixed(1)}× NumPy`,
                placement,
                ratio: ratios[i],
                limit: VECTOR_TARGETS[n],
              });
          }
        }
      }
    }
  }

  const blasRows = ['f64', 'f32'].flatMap(dtype =>
    placements.map(placement => {
      const ratios = sizes.map(n => {
        const result = caseOf(dtype, 'axpy', n);
        const mine = med(find(result, `memsafe-${placement}`));
        const blas = med(find(result, 'numpy-blas'));
        return mine === undefined || blas === undefined ? undefined : mine / blas;
      });
      return `| axpy | ${dtype} | ${placementName(placement)} | ${ratios.map(times).join(' | ')} |`;
    }),
  );

  const nsTable = dtype =>
    ops
      .flatMap(op => {
        const cases = sizes.map(n => caseOf(dtype, op, n));
        return contenderList(cases).map(
          contender =>
            `| ${op} | ${contender.label} | ${cases.map(result => withSpread(find(result, contender.id))).join(' | ')} |`,
        );
      })
      .join('\n');

  const callRows = ops.flatMap(op =>
    contenderList(sizes.map(n => caseOf('f64', op, n))).map(
      contender => `| ${op} | ${contender.label} | ${cell(contender.call)} |`,
    ),
  );

  const accuracyRows = ['sum', 'dot'].flatMap(op =>
    ['f64', 'f32'].flatMap(dtype => {
      const cases = sizes.map(n => caseOf(dtype, op, n));
      return contenderList(cases).map(
        contender =>
          `| ${op} | ${dtype} | ${contender.label} | ${cases.map(result => error(result?.extra.errors[contender.id])).join(' | ')} |`,
      );
    }),
  );

  return {
    targetRows,
    text: `## memsafe / NumPy

The median of memsafe over the median of NumPy, per operation, dtype and size. For axpy, NumPy's
time is the faster of its two in-place forms at that size (see [Method](#method)). Below 1.0×,
memsafe is faster.

| op | dtype | memsafe | ${header.slice(2)} target | verdict |
| --- | --- | --- | ${rule.slice(2)} --- | --- |
${ratioRows.join('\n')}

For reference, axpy against OpenBLAS's own axpy (one pass, in place; called through SciPy):

| op | dtype | memsafe | ${header.slice(2)}
| --- | --- | --- | ${rule.slice(2)}
${blasRows.join('\n')}

## ns per element, f64

Median over the rounds, ± half the interquartile range where that is 1% or more.

| op | contender | ${header.slice(2)}
| --- | --- | ${rule.slice(2)}
${nsTable('f64')}

## ns per element, f32

| op | contender | ${header.slice(2)}
| --- | --- | ${rule.slice(2)}
${nsTable('f32')}

## What each contender calls

f32 uses the same calls (@stdlib/blas: the \`s\` functions for the \`d\` ones). \`x\` and \`y\` are
the inputs, \`out\` the array that the updates write; in JavaScript all are typed arrays (memsafe:
views over them), in NumPy 1-D arrays of the dtype.

| op | contender | call |
| --- | --- | --- |
${callRows.join('\n')}

## Accuracy of sum and dot

Relative error against a float64 sum with Neumaier's compensation of the same stored values, from
the check call. float32 accumulators (NumPy's float32 pairwise sum, OpenBLAS's \`sdot\`, @stdlib's
\`ssumpw\` and \`sdot\`) round every partial sum to float32; the others accumulate in float64.

| op | dtype | contender | ${header.slice(2)}
| --- | --- | --- | ${rule.slice(2)}
${accuracyRows.join('\n')}
`,
  };
}

const error = value => (value === undefined ? '—' : value === 0 ? '0' : value.toExponential(0));

function matrixTables(data) {
  const { results, placements } = data;
  const matrix = results.matrix;
  const byKind = kind => matrix.find(result => result.extra.kind === kind);
  const allocating = byKind('ascontiguous');
  const existing = byKind('transpose-assign');
  const matmul = byKind('matmul');
  const n = allocating.extra.n;
  const rows = (result, reference, unit = value => ns(value)) =>
    result.contenders.map(contender => {
      const m = med(contender);
      const ratio = m === undefined || reference === undefined ? undefined : m / reference;
      return `| ${contender.label} | ${cell(contender.call)} | ${contender.wrong === undefined ? unit(m) : '**wrong**'} | ${times(ratio)} |`;
    });
  const targetRows = placements.map(placement => {
    const mine = med(find(allocating, `memsafe-${placement}`));
    const theirs = med(find(allocating, 'numpy'));
    return {
      what: `transposed ${n}×${n} f64 \`ascontiguous\``,
      target: `≤ ${TRANSPOSE_TARGET.toFixed(1)}× \`np.ascontiguousarray(a.T)\``,
      placement,
      ratio: mine === undefined || theirs === undefined ? undefined : mine / theirs,
      limit: TRANSPOSE_TARGET,
    };
  });
  const mm = matmul.extra.n;
  return {
    targetRows,
    text: `## Transposed copy, ${n}×${n} f64

The C-order copy of the transpose of a C-order matrix: the reads go down columns, ${n * 8} bytes
apart. ns per element; the ratio is to NumPy's call of the same kind.

Into new memory (the target: \`ascontiguous\` ≤ ${TRANSPOSE_TARGET.toFixed(1)}× NumPy):

| contender | call | ns per element | / NumPy |
| --- | --- | --- | --- |
${rows(allocating, med(find(allocating, 'numpy'))).join('\n')}

Into an existing array:

| contender | call | ns per element | / NumPy |
| --- | --- | --- | --- |
${rows(existing, med(find(existing, 'numpy'))).join('\n')}

## Matrix product, ${mm}×${mm} f64

ns per multiply-add (${mm}³ of them a call) and the rate in GFLOP/s (two flops a multiply-add), into
an existing C-order array. No target; OpenBLAS's dgemm is blocked and vectorized.

| contender | call | ns per multiply-add | / NumPy |
| --- | --- | --- | --- |
${rows(matmul, med(find(matmul, 'numpy')), value => (value === undefined ? '—' : `${ns(value)} (${(2 / value).toFixed(2)} GFLOP/s)`)).join('\n')}
`,
  };
}

function accessTables(data) {
  const { results, placements } = data;
  const access = results.access;
  const shapes = access.map(({ extra: { shape } }) => (shape.length === 1 ? sizeLabel(shape[0]) : shape.join('×')));
  const contenders = contenderList(access);
  const rows = contenders.map(contender => {
    const cells = access.map(result => {
      const mine = find(result, contender.id);
      const bare = med(find(result, 'bare'));
      const m = med(mine);
      return `${withSpread(mine)} | ${m === undefined || bare === undefined ? '—' : times(m / bare)}`;
    });
    return `| ${contender.label} | ${cell(contender.call)} | ${cells.join(' | ')} |`;
  });
  const targetRows = placements.flatMap(placement =>
    access.map((result, i) => {
      const mine = med(find(result, `get-${placement}`));
      const bare = med(find(result, 'bare'));
      return {
        what: `\`view.get\` in a loop, ${shapes[i]}`,
        target: `≤ ${ACCESS_TARGET.toFixed(1)}× a Float64Array loop`,
        placement,
        ratio: mine === undefined || bare === undefined ? undefined : mine / bare,
        limit: ACCESS_TARGET,
      };
    }),
  );
  return {
    targetRows,
    text: `## Element access in a loop, f64

A sum over every element in a hand-written loop, ns per element and the ratio to the same loop
over a bare Float64Array. The target applies to \`view.get\`: ≤ ${ACCESS_TARGET.toFixed(1)}×. \`raw()\` is taken once a call,
outside the loop; \`raw().array\` is the unchecked fast path (one generation check, when the
array is read).

| path | loop body | ${shapes.map(shape => `${shape} ns | ×`).join(' | ')} |
| --- | --- | ${shapes.map(() => '--- | ---').join(' | ')} |
${rows.join('\n')}
`,
  };
}

function viewMemoryTables(data) {
  const measured = data.results.viewmem;
  const targetRows = measured.map(m => {
    const grown = Math.max(m.viewDelta.external, m.viewDelta.arrayBuffers);
    return {
      what: 'view operations allocate no element storage',
      target: `< ${VIEW_BYTES_LIMIT / 1024} KiB more \`external\` and \`arrayBuffers\` over ${m.views} views`,
      placement: m.placement,
      text: `${bytes(grown)}: ${grown < VIEW_BYTES_LIMIT ? 'met' : 'missed'}`,
    };
  });
  const first = measured[0];
  const rows = measured.map(
    m =>
      `| ${m.label} | ${m.views} | ${bytes(m.viewDelta.external)} | ${bytes(m.viewDelta.arrayBuffers)} | ${bytes(m.viewDelta.heapUsed)} (${Math.round(m.viewDelta.heapUsed / m.views)} B a view) | ${bytes(m.viewDelta.rss)} | ${bytes(m.copyDelta.external)} external, ${bytes(m.copyDelta.arrayBuffers)} arrayBuffers |`,
  );
  return {
    targetRows,
    text: `## Memory of view operations

Over one f64 array of ${first.elementBytes / 8} elements (${first.elementBytes.toLocaleString('en-US')} bytes), viewed as \`v\` (1-D) and
\`m\` (2000×4000), ${first.views / VIEW_OPS.length} rounds of ${VIEW_OPS.map(([text]) => `\`${cell(text)}\``).join(', ')}, all kept alive;
\`process.memoryUsage()\` after two forced GCs before and after. \`external\` includes ArrayBuffer
and WebAssembly.Memory storage, \`arrayBuffers\` only the former. The last column is one explicit
copy of ${first.copyBytes.toLocaleString('en-US')} bytes (\`ascontiguous(m.slice(':500, :'))\`), to show that an allocation does show.

| memory | views | external | arrayBuffers | heapUsed | rss | one explicit copy |
| --- | --- | --- | --- | --- | --- | --- |
${rows.join('\n')}
`,
  };
}

function targetTable(rows, placements) {
  const keys = [...new Set(rows.map(row => `${row.what}\u0000${row.target}`))];
  const body = keys.map(key => {
    const [what, target] = key.split('\u0000');
    const cells = placements.map(placement => {
      const row = rows.find(r => `${r.what}\u0000${r.target}` === key && r.placement === placement);
      if (row === undefined) return '—';
      if (row.text !== undefined) return row.text;
      return `${times(row.ratio)}: ${verdict(row.ratio, row.limit)}`;
    });
    return `| ${what} | ${target} | ${cells.join(' | ')} |`;
  });
  const met = rows.filter(row => (row.text ?? verdict(row.ratio, row.limit)).endsWith('met')).length;
  return {
    met,
    total: rows.length,
    text: `| what | target | ${placements.map(placementLabel).join(' | ')} |\n| --- | --- | ${placements.map(() => '---').join(' | ')} |\n${body.join('\n')}`,
  };
}

/** The whole report. */
export function renderReport(data) {
  const { command, loadAtStart, rounds, minNs, minutes, placements, versions } = data;
  const vector = vectorTables(data);
  const matrix = matrixTables(data);
  const access = accessTables(data);
  const memory = viewMemoryTables(data);
  const targets = targetTable(
    [...vector.targetRows, ...matrix.targetRows, ...access.targetRows, ...memory.targetRows],
    placements,
  );
  const wrong = Object.values(data.results)
    .flat()
    .flatMap(result =>
      (result.contenders ?? [])
        .filter(contender => contender.wrong !== undefined)
        .map(contender => `- ${result.title}, ${contender.label}: ${cell(contender.wrong)}`),
    );
  const placementText =
    "two memsafe rows: views over `Memory.alloc(bytes)` as a user first writes it (the runtime's wasm heap, where the engine runs the SIMD kernels), " +
    "and over `Memory.alloc(bytes, { placement: 'js' })` (an ArrayBuffer of their own, where the JS loops run); each array is allocated on its own";

  return `# Kernels: @memsafe/runtime beside a plain loop, @stdlib/blas, ndarray-ops and NumPy

Generated by \`${command}\` (bench/kernels/kernels.mjs) on ${new Date().toISOString().slice(0, 10)}, in ${minutes.toFixed(1)} minutes.

Issue 6 asks that the runtime's kernels be fast enough that nobody reaches around them for a raw
loop. Every operation runs side by side with a plain JavaScript loop, @stdlib/blas, ndarray-ops and
NumPy with single-threaded OpenBLAS, interleaved, ${rounds} round${rounds === 1 ? '' : 's'}; times are medians in ns per element
(lower is better), on Node ${versions.node.slice(1)}${versions.relaxedSimd ? ', which has relaxed SIMD' : ', which has no relaxed SIMD'}. There are ${placementText}.

## Targets

${targets.met} of ${targets.total} met.

${targets.text}

## Machine and versions

| | |
| --- | --- |
${machineRows(loadAtStart)}
| Node | ${versions.node}; fixed-width SIMD ${versions.simd ? 'yes' : 'no'}, relaxed SIMD ${versions.relaxedSimd ? 'yes' : 'no'}, multi-memory ${versions.multiMemory ? 'yes' : 'no'} (\`kernels.engine()\`) |
| @memsafe/runtime | ${versions.runtime}, commit ${versions.commit} |
| @stdlib/blas | ${versions.stdlib} (${versions.stdlibNative ? 'its native add-ons, compiled at install' : 'its JavaScript code: the optional native add-ons are not built'}) |
| ndarray, ndarray-ops | ${versions.ndarray}, ${versions.ndarrayOps} |
| Python, NumPy | ${versions.python}, ${versions.numpy} (${versions.numpyBlas}) |
| SciPy (for OpenBLAS's axpy) | ${versions.scipy === null ? 'not installed: no OpenBLAS axpy row' : `${versions.scipy} (${versions.scipyBlas})`} |
| \`OPENBLAS_NUM_THREADS\` | ${versions.threads} |

## Method

- **Processes.** Each block (f64 vectors, f32 vectors, matrices, element access, view memory) runs
  in a fresh Node process with \`--expose-gc\`, so V8 never sees one loop with both Float64Array and
  Float32Array. The block starts one python3 process (bench/kernels/numpy_bench.py) and speaks to
  it in JSON lines: a NumPy sample is one message, taken in its turn among the JavaScript ones.
  While one side runs, the other waits on its pipe.
- **Data.** The same numbers on both sides: element i is \`((i * mult) % mod) / mod + shift\`,
  computed in float64 and stored in the dtype; all positive. The updates (axpy, scale, fill,
  assign) write a separate \`out\` array, so \`x\` and \`y\` stay as generated.
- **Checks first.** Each contender is checked once before it is timed: sum and dot against a
  compensated float64 sum (relative tolerance ${TOLERANCE.f64} for f64, ${TOLERANCE.f32} for f32), the updates bit for
  bit (with a = 2, every correct axpy gives the same bits: 2x is exact), the copies element by
  element, matmul within 1e-12 relative; NumPy's outputs through a weighted checksum,
  Σ out[k]·(k mod 7 + 1), within 1e-10 relative (copying the 2000×2000 matrix untransposed moves
  it by 1.6e-7, a missing element by about 1/n). A contender that is wrong or throws is reported and not
  timed. The value of every timed sum and dot is checked again.
- **Samples.** A sample is r back-to-back calls; r is fixed per contender in an uncounted warm-up
  round, the smallest that makes a sample last ${(minNs / 1e6).toFixed(0)} ms or more (in Python, the same rule with
  \`time.perf_counter_ns\`). ns per element is the sample's time over r × elements. Before each
  JavaScript sample a forced GC runs outside the timed region. Timed calls alternate their
  argument (axpy with a = 0.5 then −0.5, scale with 2 then 0.5), so the data stay put and never go
  subnormal.
- **Rounds.** ${rounds} timed round${rounds === 1 ? '' : 's'}; each visits every case of the current size and, within a case, every
  contender, starting one contender further on each round. The sizes run one after another, and
  the arrays of a size are freed before the next.
- **NumPy's forms.** sum is \`x.sum()\` (pairwise; \`np.sum(x)\` adds about 1 µs of Python dispatch a
  call), dot \`np.dot\` (BLAS), scale \`out *= a\`, fill \`out.fill(v)\`, assign \`np.copyto(out, x)\`;
  all in place, none allocates. NumPy has no axpy: \`out += a * x\` allocates \`a * x\` every call and
  makes two passes, and a preallocated temporary (\`np.multiply(x, a, out=tmp)\`, then an in-place
  add) avoids the allocation but still makes two passes; memsafe / NumPy takes the faster of the two
  at each size. OpenBLAS's own one-pass axpy, through \`scipy.linalg.blas\`, is shown beside it.
  At 1e3 elements NumPy's cost is mostly its per-call overhead (about 1 µs), hence no targets there.
- **Not measured.** ndarray-ops has no dot and no axpy (no fused operation over two arrays).
  @stdlib/blas has no 2-D copy: the transposed copy calls its strided \`dcopy\` once per row.

${vector.text}
${matrix.text}
${access.text}
${memory.text}
## Notes

${wrong.length === 0 ? '- Every contender passed its checks.' : `Contenders reported as wrong (not timed):\n\n${wrong.join('\n')}`}
- The load average at the start and end is in the machine table; other processes on the machine
  add noise, which the interleaving spreads over all contenders alike.
`;
}

/** memsafe's default placement over NumPy for one vector case of a run. */
function defaultRatio(results, dtype, op, n) {
  const result = results[`vector-${dtype}`].find(r => r.extra.op === op && r.extra.n === n);
  const mine = med(find(result, 'memsafe-default'));
  const theirs = numpyTime(result);
  return mine === undefined || theirs === undefined ? undefined : mine / theirs;
}

/** bench/results.md: the ratios of the default placement to NumPy on every Node, against issue 15's targets. */
export function renderNodeSummary({ command, loadAtStart, reports }) {
  const header = `| what | target | ${reports.map(({ data }) => `Node ${data.versions.node.slice(1)}`).join(' | ')} |`;
  const rule = `| --- | --- | ${reports.map(() => '---').join(' | ')} |`;
  let met = 0;
  let total = 0;
  const rows = [];
  for (const op of VECTOR_TARGET_OPS)
    for (const dtype of ['f64', 'f32'])
      for (const n of NODE_TARGET_SIZES) {
        const relaxed = RELAXED_TARGET.ops.includes(op);
        const cells = reports.map(({ data }) => {
          const limit = relaxed && data.versions.relaxedSimd ? RELAXED_TARGET.limit : NODE_TARGET;
          const ratio = defaultRatio(data.results, dtype, op, n);
          total++;
          if (ratio !== undefined && ratio <= limit) met++;
          return `${times(ratio)}: ${verdict(ratio, limit)}${limit === NODE_TARGET ? '' : ` (≤ ${limit.toFixed(1)}×)`}`;
        });
        const target = relaxed
          ? `≤ ${NODE_TARGET.toFixed(1)}× NumPy; ≤ ${RELAXED_TARGET.limit.toFixed(1)}× with relaxed SIMD`
          : `≤ ${NODE_TARGET.toFixed(1)}× NumPy`;
        rows.push(`| ${op} ${dtype} at ${sizeLabel(n)} | ${target} | ${cells.join(' | ')} |`);
      }
  const engineRow = (label, key) =>
    `| ${label} | | ${reports.map(({ data }) => (data.versions[key] ? 'yes' : 'no')).join(' | ')} |`;
  const links = reports.map(({ build, file }) => `[Node ${build.major}](${file})`).join(', ');
  const { versions } = reports[0].data;
  return `# Kernels on each Node: the default placement beside NumPy

Generated by \`${command}\` (bench/kernels/kernels.mjs) on ${new Date().toISOString().slice(0, 10)}. Each Node's whole report,
with every contender, both placements and issue 6's targets: ${links}.

Issue 15 asks that \`sum\`, \`dot\`, \`axpy\` and \`scale\`, in f64 and f32, run within ${NODE_TARGET.toFixed(1)}× of NumPy at
1e5 and 1e6 elements on the default allocation path, views over \`Memory.alloc(bytes)\` with each
array allocated on its own, and \`dot\` and \`scale\` at ≤ ${RELAXED_TARGET.limit.toFixed(1)}× where the engine has relaxed SIMD.
Each cell is memsafe's median time over NumPy's (single-threaded OpenBLAS), measured side by side
in one process pair, ${reports[0].data.rounds} rounds; lower is better.

${met} of ${total} met.

${header}
${rule}
${rows.join('\n')}
${engineRow('fixed-width SIMD (`kernels.engine().simd`)', 'simd')}
${engineRow('relaxed SIMD (`kernels.engine().relaxedSimd`)', 'relaxedSimd')}
${engineRow('multi-memory (`kernels.engine().multiMemory`)', 'multiMemory')}

## Machine and versions

| | |
| --- | --- |
${machineRows(loadAtStart)}
| Node | ${reports.map(({ data }) => data.versions.node).join(', ')} (tools/nodes) |
| @memsafe/runtime | ${versions.runtime}, commit ${versions.commit} |
| Python, NumPy | ${versions.python}, ${versions.numpy} (${versions.numpyBlas}) |
| \`OPENBLAS_NUM_THREADS\` | ${versions.threads} |
`;
}
