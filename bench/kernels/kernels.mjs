#!/usr/bin/env node
// The speed of @memsafe/runtime's kernels beside what people would use instead: a plain JS loop,
// @stdlib/blas, ndarray-ops and NumPy (python3, single-threaded OpenBLAS). sum, dot, axpy, scale,
// fill and assign at 1e3, 1e5, 1e6 and 8e6 elements in f64 and f32; the C-order copy of a
// transposed 2000×2000 f64 matrix; a 256×256 matmul; element access through a View against a bare
// Float64Array loop; and the memory that view operations allocate. Contenders run interleaved,
// round after round, and the script reports medians in ns per element, memsafe / NumPy, and the
// targets of issue 6 with a verdict for each.
//
//   node --expose-gc bench/kernels/kernels.mjs [--rounds N] [--quick] [--node MAJOR …]
//
// --rounds N    timed rounds (default 15)
// --quick       one round of short samples, and the results are left alone: a check that the bench works
// --node MAJOR  run on this Node build of tools/nodes only (repeatable); by default on each of them
//
// Every block runs on each Node build of tools/nodes (20, 24, 26), since what the engine compiles
// (relaxed SIMD, the JIT's handling of typed arrays) differs between them. Each Node's whole report
// goes to bench/kernels/results/node<major>.md; bench/results.md gathers the ratios to NumPy of the
// default placement on every Node, with the targets of issue 15.
//
// Each block (f64 vectors, f32 vectors, matrices, element access, view memory) runs in a fresh
// Node process (block.mjs), which starts its own python3 (numpy_bench.py) and speaks to it in
// JSON lines. Memory: the 8e6 f64 size holds about 1.3 GB at once (three 64 MB arrays for the
// JS contenders, three per memsafe placement, four or five in NumPy); each size is freed before
// the next.
import { execFileSync, fork } from 'node:child_process';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { loadavg } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { installedBuilds } from '../../tools/node-builds.mjs';
import { commitOf, runFlags } from '../machine.mjs';
import { PLACEMENTS } from './memsafe.mjs';
import { NumPy } from './numpy.mjs';
import { renderNodeSummary, renderReport } from './report.mjs';

// Other processes on the machine add noise; the load average at the start goes into the report.
const loadAtStart = loadavg()[0];
const here = dirname(fileURLToPath(import.meta.url));
const root = join(here, '../..');
const require = createRequire(import.meta.url);

const DEFAULT_ROUNDS = 15;
const {
  runs: rounds,
  quick,
  values,
} = runFlags('rounds', DEFAULT_ROUNDS, { node: { type: 'string', multiple: true } });
const builds = installedBuilds('bench', (values.node ?? []).map(Number));
// A sample is as many back-to-back calls as take at least this long.
const minNs = quick ? 2e6 : 20e6;

const SIZES = [1e3, 1e5, 1e6, 8e6];
const BLOCKS = [
  { block: 'vector', dtype: 'f64', sizes: SIZES },
  { block: 'vector', dtype: 'f32', sizes: SIZES },
  { block: 'matrix', transposeN: 2000, matmulN: 256 },
  { block: 'access', shapes: [[1e5], [1e6], [1000, 1000]] },
  { block: 'viewmem' },
];

/** Runs one block in a fresh process of Node `build` and resolves to what it sends back. */
function runBlock(build, options) {
  return new Promise((resolve, reject) => {
    const child = fork(join(here, 'block.mjs'), [JSON.stringify({ ...options, rounds, minNs })], {
      execPath: build.binary,
      execArgv: ['--expose-gc'],
    });
    let result;
    child.on('message', message => (result = message));
    child.on('error', reject);
    child.on('exit', code =>
      code === 0 && result !== undefined
        ? resolve(result)
        : reject(
            new Error(
              `block ${options.block} ${options.dtype ?? ''} on Node ${build.version} exited with code ${code}`,
            ),
          ),
    );
  });
}

/** The Node version of `build` and what its engine runs the kernels with (`kernels.engine()`). */
function engineOf(build) {
  const script =
    "import('@memsafe/runtime').then(m => console.log(JSON.stringify({ node: process.version, ...m.kernels.engine() })))";
  return JSON.parse(execFileSync(build.binary, ['-e', script], { cwd: root, encoding: 'utf8' }));
}

const numpy = new NumPy();
const python = await numpy.request({ cmd: 'hello' });
numpy.close();
const version = pkg => JSON.parse(readFileSync(require.resolve(`${pkg}/package.json`), 'utf8')).version;
// @stdlib/blas loads a native add-on where one was compiled at install time, else its JavaScript.
const stdlibNative = (() => {
  try {
    require('@stdlib/blas/base/ddot/lib/native.js');
    return true;
  } catch {
    return false;
  }
})();
const shared = {
  runtime: JSON.parse(readFileSync(join(root, 'packages/runtime/package.json'), 'utf8')).version,
  commit: commitOf(root),
  stdlib: version('@stdlib/blas'),
  stdlibNative,
  ndarray: version('ndarray'),
  ndarrayOps: version('ndarray-ops'),
  ...python,
};

const command = `npm run bench${quick ? ' -- --quick' : rounds === DEFAULT_ROUNDS ? '' : ` -- --rounds ${rounds}`}`;
const resultsDir = join(here, 'results');
const reports = [];
for (const build of builds) {
  const { node, simd, relaxedSimd, multiMemory } = engineOf(build);
  console.error(
    `Node ${build.version}: SIMD ${simd ? 'yes' : 'no'}, relaxed SIMD ${relaxedSimd ? 'yes' : 'no'}, multi-memory ${multiMemory ? 'yes' : 'no'}`,
  );
  const started = performance.now();
  const results = {};
  for (const options of BLOCKS) {
    const name = options.dtype ? `${options.block}-${options.dtype}` : options.block;
    console.error(`${name}${options.block === 'viewmem' ? '' : ` (${rounds} round${rounds === 1 ? '' : 's'})`}`);
    results[name] = await runBlock(build, options);
  }
  const data = {
    command,
    loadAtStart,
    rounds,
    minNs,
    minutes: (performance.now() - started) / 60000,
    sizes: SIZES,
    placements: PLACEMENTS,
    versions: { ...shared, node, simd, relaxedSimd, multiMemory },
    results,
  };
  const report = renderReport(data);
  reports.push({ build, data, file: `kernels/results/node${build.major}.md` });
  if (quick) console.log(report);
  else {
    mkdirSync(resultsDir, { recursive: true });
    writeFileSync(join(resultsDir, `node${build.major}.md`), report);
  }
}
const summary = renderNodeSummary({ command, loadAtStart, reports });
console.log(summary);
if (quick) console.error('--quick: bench/results.md and bench/kernels/results/ left as they were');
// The summary sits at bench/results.md, where the kernels' issues ask for their results.
else writeFileSync(join(here, '..', 'results.md'), summary);
