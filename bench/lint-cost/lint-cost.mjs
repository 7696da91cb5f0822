#!/usr/bin/env node
// What memsafe adds to a type-aware lint of real binary-data code. Config A is typescript-eslint's
// recommendedTypeChecked alone, config B is A plus every memsafe rule (`all`). Both lint the TypeScript
// sources that apache-arrow and @msgpack/msgpack ship, in interleaved runs (A, B, A, B, …), and the
// script reports the medians, B/A, memsafe's share of B, per-rule times, and every memsafe finding.
//
//   node --expose-gc bench/lint-cost/lint-cost.mjs [--runs N] [--quick]
//
// --runs N  timed runs of each config (default 5)
// --quick   one run of each, no warm-up, and results.md is left alone: a check that the bench works
import { cpSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { loadavg } from 'node:os';
import { commitOf, machineRows, runFlags } from '../machine.mjs';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import memsafe from '@memsafe/eslint-plugin';
import { clearCaches } from '@typescript-eslint/parser';
import { ESLint } from 'eslint';
import ts from 'typescript';
import tseslint from 'typescript-eslint';

// Other processes on the machine add noise; the load average at the start goes into the report.
const loadAtStart = loadavg()[0];
const here = dirname(fileURLToPath(import.meta.url));
const root = join(here, '../..');
const corpusRoot = join(here, '.corpus');
const CORPORA = [
  { name: 'arrow', pkg: 'apache-arrow' },
  { name: 'msgpack', pkg: '@msgpack/msgpack' },
];

const { runs, quick } = runFlags();

// ESLint skips node_modules, so lint a fresh copy of each package's src. The copy is made on every
// bench run, so it always matches the installed versions. bench/lint-cost/tsconfig.json covers it:
// its imports (flatbuffers, tslib, node:*) resolve from the repo's node_modules.
rmSync(corpusRoot, { recursive: true, force: true });
const corpus = CORPORA.map(({ name, pkg }) => {
  const dir = join(corpusRoot, name);
  cpSync(join(root, 'node_modules', pkg, 'src'), dir, { recursive: true });
  const files = readdirSync(dir, { recursive: true }).filter(file => String(file).endsWith('.ts'));
  const lines = files.reduce((sum, file) => sum + readFileSync(join(dir, String(file)), 'utf8').split('\n').length, 0);
  const { version } = JSON.parse(readFileSync(join(root, 'node_modules', pkg, 'package.json'), 'utf8'));
  return { name, pkg, version, files: files.length, lines };
});

const typeChecked = [
  { files: ['**/*.ts'] },
  ...tseslint.configs.recommendedTypeChecked,
  // The corpus's disable comments were written for its own config; reporting them is noise here.
  {
    linterOptions: { reportUnusedDisableDirectives: 'off' },
    languageOptions: { parserOptions: { projectService: true, tsconfigRootDir: here } },
  },
];
const CONFIGS = { A: typeChecked, B: [...typeChecked, memsafe.configs.all] };
/** The preset that first enables a rule, for the findings table. */
const presetOf = ruleId =>
  ruleId in memsafe.configs.recommended.rules
    ? 'recommended'
    : ruleId in memsafe.configs.strict.rules
      ? 'strict'
      : 'all';

/** Milliseconds per rule (and 'parse') summed over all files and passes of one stats run. */
function ruleTimes(results) {
  const times = { parse: 0 };
  for (const result of results) {
    for (const pass of result.stats?.times.passes ?? []) {
      times.parse += pass.parse.total;
      for (const [rule, { total }] of Object.entries(pass.rules ?? {})) times[rule] = (times[rule] ?? 0) + total;
    }
  }
  return times;
}

/** One lint of the corpus with a fresh ESLint and a fresh TypeScript project service. */
async function lint(config, stats) {
  // typescript-eslint keeps its project service (and the programs in it) in a module-level
  // singleton: without this, every run after the first would reuse the first run's type-checking.
  clearCaches();
  // Collect the previous run's garbage now rather than inside the timed region (needs --expose-gc).
  globalThis.gc?.();
  const start = performance.now();
  const eslint = new ESLint({ cwd: here, overrideConfigFile: true, overrideConfig: CONFIGS[config], stats });
  const results = await eslint.lintFiles(['.corpus']);
  const seconds = (performance.now() - start) / 1000;
  // Keep plain numbers and strings only: a LintResult keeps the run's whole TypeScript program
  // alive (about 230 MB here), and holding every run's results runs out of memory.
  const findings = results.flatMap(result =>
    result.messages
      .filter(message => message.ruleId?.startsWith('memsafe/'))
      .map(({ ruleId, line, column, message }) => ({ ruleId, line, column, message, file: result.filePath })),
  );
  const problems = results.reduce((sum, result) => sum + result.messages.length, 0);
  return { config, seconds, files: results.length, problems, findings, times: stats ? ruleTimes(results) : undefined };
}

const median = values => {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = sorted.length >> 1;
  return sorted.length % 2 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
};
const progress = run =>
  console.error(
    `  ${run.config}  ${run.seconds.toFixed(2)} s  ${run.files} files  ${run.problems} problems  ${run.findings.length} memsafe`,
  );

// The first runs in a process also pay for loading and JIT-compiling ESLint, TypeScript and
// typescript-eslint; A would pay that alone, so one uncounted pair goes first.
const warmUp = [];
if (!quick) {
  console.error('warm-up (not counted)');
  for (const config of ['A', 'B']) {
    warmUp.push(await lint(config, false));
    progress(warmUp.at(-1));
  }
}

// Wall time runs without `stats`: ESLint's stats wrap every rule listener in a timer, which costs
// typescript-eslint (many listeners) more than memsafe (one Program listener per rule).
console.error(`timed runs (${runs} of each, interleaved)`);
const timed = [];
for (let i = 0; i < runs; i++) {
  for (const config of ['A', 'B']) {
    timed.push(await lint(config, false));
    progress(timed.at(-1));
  }
}

// Per-rule times come from separate B runs with `stats: true`: time inside each rule and in parsing
// (which, with type information, includes building the TypeScript program).
console.error(`stats runs (${runs} of B)`);
const statsRuns = [];
for (let i = 0; i < runs; i++) {
  statsRuns.push(await lint('B', true));
  progress(statsRuns.at(-1));
}

const seconds = config => timed.filter(run => run.config === config).map(run => run.seconds);
const medianA = median(seconds('A'));
const medianB = median(seconds('B'));
const ratio = medianB / medianA;
const share = (medianB - medianA) / medianB;
// On a busy machine, load drifts over minutes; B − A within each pair cancels most of that drift.
const pairedCost = median(seconds('B').map((b, i) => b - seconds('A')[i]));

const perRun = statsRuns.map(run => run.times);
const ruleIds = Object.keys(perRun[0]);
const ruleMedian = Object.fromEntries(ruleIds.map(id => [id, median(perRun.map(times => times[id] ?? 0))]));
// The share is taken per run, then its median: numerator and denominator come from the same run.
const statShares = perRun.map(times => {
  const all = Object.values(times).reduce((a, b) => a + b, 0);
  const own = Object.entries(times).reduce((sum, [id, ms]) => sum + (id.startsWith('memsafe/') ? ms : 0), 0);
  return { own, all, share: own / all };
});
const memsafeRules = ruleIds.filter(id => id.startsWith('memsafe/')).sort();
const slowest = ruleIds.filter(id => id !== 'parse').sort((a, b) => ruleMedian[b] - ruleMedian[a]);

// Every memsafe finding, from the last B run; every B run must agree on them.
const lastB = timed.filter(run => run.config === 'B').at(-1);
const key = run => run.findings.map(f => `${f.file}:${f.line}:${f.column}:${f.ruleId}`).join('\n');
const consistent = [...timed, ...statsRuns].filter(run => run.config === 'B').every(run => key(run) === key(lastB));
const sourceLine = finding => readFileSync(finding.file, 'utf8').split('\n')[finding.line - 1].trim();

// The rules change often: say which build of them was measured.
const commit = commitOf(root);
const version = pkg => JSON.parse(readFileSync(join(root, 'node_modules', pkg, 'package.json'), 'utf8')).version;
const s = value => value.toFixed(2);
const ms = value => value.toFixed(0);
const pct = value => `${(value * 100).toFixed(1)}%`;
const cell = text => text.replaceAll('|', '\\|');

const report = `# Lint cost: memsafe on apache-arrow and @msgpack/msgpack

Generated by \`npm run bench:lint${quick ? ' -- --quick' : runs === 5 ? '' : ` -- --runs ${runs}`}\` (bench/lint-cost/lint-cost.mjs) on ${new Date().toISOString().slice(0, 10)}.

- **A**: typescript-eslint \`recommendedTypeChecked\` with \`parserOptions.projectService\`.
- **B**: A + \`memsafe.configs.all\`: every memsafe rule on.

Each run is a fresh \`new ESLint({ overrideConfigFile: true, overrideConfig })\` over the whole corpus
in one process, after \`clearCaches()\` (typescript-eslint's project service is otherwise shared
between runs) and a forced GC. Runs alternate A, B, A, B${warmUp.length ? ' after one uncounted warm-up pair' : ''}.

## Machine and versions

| | |
| --- | --- |
${machineRows(loadAtStart)}
| Node | ${process.version} |
| ESLint | ${ESLint.version} |
| typescript-eslint | ${version('typescript-eslint')} |
| TypeScript | ${ts.version} |
| @memsafe/eslint-plugin | ${memsafe.meta.version}, commit ${commit} |

## Corpus

| package | version | .ts files | lines |
| --- | --- | --- | --- |
${corpus.map(c => `| ${c.pkg} | ${c.version} | ${c.files} | ${c.lines} |`).join('\n')}
| **total** | | ${corpus.reduce((n, c) => n + c.files, 0)} | ${corpus.reduce((n, c) => n + c.lines, 0)} |

## Wall time

| run | config | seconds | problems | memsafe findings |
| --- | --- | --- | --- | --- |
${warmUp.map(run => `| warm-up | ${run.config} | ${s(run.seconds)} | ${run.problems} | ${run.findings.length} |`).join('\n')}${warmUp.length ? '\n' : ''}${timed
  .map((run, i) => `| ${(i >> 1) + 1} | ${run.config} | ${s(run.seconds)} | ${run.problems} | ${run.findings.length} |`)
  .join('\n')}

| | median of ${runs} |
| --- | --- |
| A | ${s(medianA)} s |
| B | ${s(medianB)} s |
| B / A | ${ratio.toFixed(3)} |
| memsafe's share, (B − A) / B | **${pct(share)}** |
| median of B − A within each pair | ${s(pairedCost)} s (${pct(pairedCost / medianB)} of B) |

## Rule times (ESLint \`stats\`, ${runs} separate run${runs === 1 ? '' : 's'} of B, medians)

Time inside memsafe's rules against all rule time plus parsing (parsing includes building the
TypeScript program). Less noisy than the wall-time difference, but it charges memsafe for any type
checking it happens to trigger first, which typescript-eslint's rules would otherwise have paid for,
and the denominator leaves out ESLint's own work (reading files, traversal, scope analysis).

| | ms |
| --- | --- |
${memsafeRules.map(id => `| ${id} | ${ms(ruleMedian[id])} |`).join('\n')}
| **memsafe, all rules** | **${ms(median(statShares.map(x => x.own)))}** |
| parse + all rules | ${ms(median(statShares.map(x => x.all)))} |
| parse | ${ms(ruleMedian.parse)} |
| memsafe's share | **${pct(median(statShares.map(x => x.share)))}** |

Slowest rules for comparison: ${slowest
  .slice(0, 5)
  .map(id => `${id} ${ms(ruleMedian[id])} ms`)
  .join(', ')}.

## memsafe findings (${lastB.findings.length})

${consistent ? 'Every B run reported exactly these.' : '**The B runs disagree on the findings; these are from the last timed run.**'}

| rule | preset | file:line | code | message |
| --- | --- | --- | --- | --- |
${lastB.findings
  .map(
    f =>
      `| ${f.ruleId} | ${presetOf(f.ruleId)} | ${relative(corpusRoot, f.file)}:${f.line} | \`${cell(sourceLine(f))}\` | ${cell(f.message)} |`,
  )
  .join('\n')}
`;

console.log(report);
if (quick) console.error('--quick: results.md left as it was');
else writeFileSync(join(here, 'results.md'), report);
