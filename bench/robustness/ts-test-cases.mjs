#!/usr/bin/env node
// Every rule, and `explain`, over TypeScript's own compiler and conformance test cases: tens of
// thousands of files written to find the corners of the language. The count that matters is crashes,
// which must be 0; the time of the slowest file shows a case that costs far more than its size.
//
//   npm run bench:robustness -- --cases DIR [--source TEXT] [--limit N] [--case-timeout S] [--write]
//
// --cases DIR        a directory holding the test cases, searched recursively for .ts and .tsx files:
//                    tests/cases of a TypeScript checkout, or any copy of it
// --source TEXT      where the cases came from, for results.md (repository, commit, path)
// --limit N          the first N cases only: a check that the bench works
// --case-timeout S   a case still running after S seconds (default 120) is stopped and counted
// --write            write bench/robustness/results.md
//
// It runs outside `npm test`: the cases are not part of this repository, and a full run takes a while.
import { readdirSync, writeFileSync } from 'node:fs';
import { loadavg } from 'node:os';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { Worker } from 'node:worker_threads';
import ts from 'typescript';
import { environmentTable } from '../machine.mjs';

const loadAtStart = loadavg()[0];
const here = dirname(fileURLToPath(import.meta.url));
const root = join(here, '../..');

const { values: flags } = parseArgs({
  options: {
    cases: { type: 'string' },
    source: { type: 'string' },
    limit: { type: 'string' },
    'case-timeout': { type: 'string', default: '120' },
    write: { type: 'boolean', default: false },
  },
});
if (flags.cases === undefined)
  throw new Error(
    '--cases DIR is required: a directory of TypeScript test cases (tests/cases of a TypeScript checkout)',
  );
const limit = flags.limit === undefined ? Infinity : Number(flags.limit);
const caseTimeout = Number(flags['case-timeout']) * 1000;
if (!(limit > 0) || !(caseTimeout > 0)) throw new Error('--limit and --case-timeout want positive numbers');

function testCases(directory) {
  const found = [];
  const visit = current => {
    for (const entry of readdirSync(current, { withFileTypes: true })) {
      const path = join(current, entry.name);
      if (entry.isDirectory()) visit(path);
      else if (entry.isFile() && /\.tsx?$/.test(entry.name)) found.push(path);
    }
  };
  visit(directory);
  return found.sort();
}

const paths = testCases(flags.cases).slice(0, limit);
if (paths.length === 0) throw new Error(`no .ts or .tsx file under ${flags.cases}`);

const results = new Array(paths.length);
const timedOut = [];
const workerFailures = [];
const startedAt = performance.now();
const progress = process.stderr.isTTY ? text => process.stderr.write(`\r${text}\u001b[K`) : () => undefined;

/** Runs cases from `start` in a worker; a case that never ends or kills the worker is recorded and skipped. */
function runFrom(start) {
  return new Promise(resolve => {
    if (start >= paths.length) return resolve();
    const worker = new Worker(new URL('./case-runner.mjs', import.meta.url), {
      workerData: { paths, start },
      resourceLimits: { maxOldGenerationSizeMb: 4096 },
    });
    let next = start;
    let timer;
    const restart = () => {
      clearTimeout(timer);
      timer = setTimeout(() => {
        timedOut.push(paths[next]);
        worker.removeAllListeners('exit');
        void worker.terminate().then(() => resolve(runFrom(next + 1)));
      }, caseTimeout);
    };
    restart();
    worker.on('message', ({ index, result }) => {
      results[index] = result;
      next = index + 1;
      restart();
      const crashes = results.reduce((sum, r) => sum + (r?.crashes.length ?? 0), 0);
      progress(`memsafe robustness: ${next}/${paths.length} cases, ${crashes} crashes`);
      if (!process.stderr.isTTY && next % 1000 === 0) console.error(`${next}/${paths.length} cases`);
    });
    worker.on('error', error => workerFailures.push({ path: paths[next], message: String(error) }));
    worker.on('exit', code => {
      clearTimeout(timer);
      if (next < paths.length && code !== 0) {
        if (workerFailures.at(-1)?.path !== paths[next])
          workerFailures.push({ path: paths[next], message: `worker exited with code ${code}` });
        resolve(runFrom(next + 1));
      } else resolve();
    });
  });
}

await runFrom(0);
progress('');
const wallSeconds = (performance.now() - startedAt) / 1000;

const done = results.filter(result => result !== undefined);
const crashes = done.flatMap(result => result.crashes.map(crash => ({ ...crash, path: result.path })));
const explainFailures = done.flatMap(result =>
  result.explainFailures.map(failure => ({ ...failure, path: result.path })),
);
const compilerFailures = done.filter(result => result.compilerFailure !== undefined);
const findingsByRule = {};
for (const result of done)
  for (const [rule, count] of Object.entries(result.findings))
    findingsByRule[rule] = (findingsByRule[rule] ?? 0) + count;
const findings = Object.values(findingsByRule).reduce((sum, count) => sum + count, 0);
const casesWithFindings = done.filter(result => Object.keys(result.findings).length > 0).length;
const files = done.reduce((sum, result) => sum + result.files, 0);
const analysed = done.reduce((sum, result) => sum + result.analysed, 0);
const fileTimes = done.filter(result => result.analysed > 0).map(result => result.slowest);
const slowest = [...fileTimes].sort((a, b) => b.ms - a.ms).slice(0, 10);
const analysisSeconds = done.reduce((sum, result) => sum + result.ms, 0) / 1000;
const caseName = path => relative(flags.cases, path);

const summary = [
  `${paths.length} cases (${files} files, ${analysed} analysed), ${findings} findings in ${casesWithFindings} cases`,
  `crashes: ${crashes.length}; explain stopped by the compiler: ${explainFailures.length}; compiler failures: ${compilerFailures.length}; timed out: ${timedOut.length}; workers lost: ${workerFailures.length}`,
  `analysis ${analysisSeconds.toFixed(0)} s of ${wallSeconds.toFixed(0)} s; slowest file ${slowest[0] === undefined ? '–' : `${slowest[0].ms.toFixed(0)} ms (${slowest[0].file} in ${caseName(done.find(r => r.slowest === slowest[0]).path)})`}`,
];
console.log(summary.join('\n'));
for (const crash of crashes.slice(0, 20))
  console.log(`crash: ${crash.check} on ${caseName(crash.path)} (${crash.file}): ${crash.stack ?? crash.message}`);

const list = (items, format) =>
  items.length === 0
    ? ['None.']
    : items
        .slice(0, 20)
        .map(item => `- ${format(item)}`)
        .concat(items.length > 20 ? [`- and ${items.length - 20} more`] : []);

if (flags.write && flags.limit === undefined) {
  const report = [
    "# TypeScript's own test cases: does memsafe survive them",
    '',
    "Written by `npm run bench:robustness -- --cases DIR --write`: each test case of TypeScript's compiler and",
    "conformance suites, split into its files and given its compiler options the way TypeScript's harness",
    'does (`// @filename:`, `// @target:`, …), is type-checked and analysed by every rule (`--preset all`,',
    'with every check made to walk every file) and by `explain`. A crash is a check that threw, or an',
    "exception out of `analyze`; it must be 0. The time is memsafe's own (analysis and explanation of one",
    'file, type-checker questions included), measured in one worker thread.',
    '',
    '| | |',
    '| --- | --- |',
    `| cases | ${flags.source ?? flags.cases} |`,
    `| test cases | ${paths.length.toLocaleString('en')} |`,
    `| files in them | ${files.toLocaleString('en')} |`,
    `| files analysed (not declaration files, not JSON) | ${analysed.toLocaleString('en')} |`,
    `| **crashes** | **${crashes.length}** |`,
    `| \`explain\` stopped by a compiler failure (reported, exit 2) | ${explainFailures.length} |`,
    `| cases TypeScript itself could not build a program for | ${compilerFailures.length} |`,
    `| cases stopped after ${caseTimeout / 1000} s | ${timedOut.length} |`,
    `| findings (cases with any) | ${findings} (${casesWithFindings}) |`,
    `| memsafe's time, all files | ${analysisSeconds.toFixed(0)} s (median file ${median(fileTimes.map(time => time.ms)).toFixed(1)} ms) |`,
    `| wall time | ${wallSeconds.toFixed(0)} s |`,
    '',
    '## Slowest files',
    '',
    '| file | case | ms |',
    '| --- | --- | --- |',
    ...slowest.map(
      time => `| ${time.file} | ${caseName(done.find(r => r.slowest === time).path)} | ${time.ms.toFixed(0)} |`,
    ),
    '',
    '## Crashes',
    '',
    ...list(crashes, crash => `${crash.check} on \`${caseName(crash.path)}\` (${crash.file}): ${crash.message}`),
    '',
    '## `explain` stopped by the compiler',
    '',
    ...list(explainFailures, failure => `\`${caseName(failure.path)}\` (${failure.file}): ${failure.message}`),
    '',
    '## Cases TypeScript could not build a program for',
    '',
    ...list(compilerFailures, result => `\`${caseName(result.path)}\`: ${result.compilerFailure}`),
    '',
    `## Cases stopped after ${caseTimeout / 1000} s, and workers lost`,
    '',
    ...list(
      [...timedOut.map(path => ({ path, message: 'timed out' })), ...workerFailures],
      failure => `\`${caseName(failure.path)}\`: ${failure.message}`,
    ),
    '',
    '## Findings by rule',
    '',
    '| rule | findings |',
    '| --- | --- |',
    ...Object.entries(findingsByRule)
      .sort((a, b) => b[1] - a[1])
      .map(([rule, count]) => `| ${rule} | ${count} |`),
    '',
    'Cases with findings:',
    '',
    ...list(
      done.filter(result => Object.keys(result.findings).length > 0),
      result =>
        `\`${caseName(result.path)}\`: ${Object.entries(result.findings)
          .map(([rule, count]) => `${rule} ${count}`)
          .join(', ')}`,
    ),
    '',
    environmentTable(root, ts.version, loadAtStart),
    '',
  ].join('\n');
  writeFileSync(join(here, 'results.md'), report);
}

function median(values) {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted.length === 0 ? 0 : sorted[Math.floor(sorted.length / 2)];
}

process.exitCode = crashes.length > 0 || timedOut.length > 0 || workerFailures.length > 0 ? 1 : 0;
