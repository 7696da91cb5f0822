#!/usr/bin/env node
// `memsafe check` on TypeScript 6 (the classic compiler API) and on TypeScript 7 (its JavaScript API
// over the native compiler), side by side in one process: the same command, the same sources, runs
// alternating 6, 7, 6, 7 after one uncounted warm-up pair. Each run is the whole CLI in-process:
// loading the tsconfig, making the program (on 7, starting the compiler process too), every rule
// (`--preset all`) and the JSON output. The two outputs must be identical, or the bench stops.
//
//   node --expose-gc bench/typescript7/backends.mjs [--runs N] [--quick]
//
// --runs N  timed runs of each compiler per corpus (default 5)
// --quick   one run of each, no warm-up, and results.md is left alone: a check that the bench works
import { cpSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { loadavg } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import ts from 'typescript';
import * as ast from 'typescript7/unstable/ast';
import * as sync from 'typescript7/unstable/sync';
import { classicProjectHost, runCli } from '../../packages/analyzer/dist/esm/index.js';
import { nativeProjectHost } from '../../packages/analyzer/dist/esm/compiler/native/host.js';
import { resultsPage, runFlags } from '../machine.mjs';

const loadAtStart = loadavg()[0];
const here = dirname(fileURLToPath(import.meta.url));
const root = join(here, '../..');
const { runs, quick } = runFlags();
const version7 = JSON.parse(readFileSync(join(root, 'node_modules', 'typescript7', 'package.json'), 'utf8')).version;

// Real binary-data code: the TypeScript sources apache-arrow and @msgpack/msgpack ship (as in
// bench/lint-cost), copied fresh so that they match the installed versions; and the corpus of
// rewritten real bugs.
const copies = join(here, '.corpus');
rmSync(copies, { recursive: true, force: true });
for (const [name, pkg] of [
  ['arrow', 'apache-arrow'],
  ['msgpack', '@msgpack/msgpack'],
])
  cpSync(join(root, 'node_modules', pkg, 'src'), join(copies, name), { recursive: true });
const countFiles = dir => readdirSync(dir, { recursive: true }).filter(file => String(file).endsWith('.ts')).length;
const CORPORA = [
  { name: 'apache-arrow and @msgpack/msgpack sources', cwd: here, files: countFiles(copies) },
  {
    name: 'bench/corpus (rewritten real bugs)',
    cwd: join(root, 'bench', 'corpus'),
    files: countFiles(join(root, 'bench', 'corpus')),
  },
];
const ARGS = ['check', '--preset', 'all', '-f', 'json', '--report-unused-disable-directives-severity', 'off'];

const COMPILERS = {
  6: cwd => classicProjectHost(ts),
  7: cwd => nativeProjectHost(ast, sync, version7, cwd),
};

function runOnce(compiler, cwd) {
  globalThis.gc?.();
  let stdout = '';
  let stderr = '';
  const start = performance.now();
  const code = runCli(() => COMPILERS[compiler](cwd), ARGS, {
    cwd,
    env: { NO_COLOR: '1' },
    stdout: { write: text => (stdout += text) },
    stderr: { write: text => (stderr += text) },
  });
  const seconds = (performance.now() - start) / 1000;
  if (code === 2) throw new Error(`memsafe on TypeScript ${compiler} failed in ${cwd}:\n${stderr}`);
  return { seconds, stdout, findings: JSON.parse(stdout).length };
}

const median = values => [...values].sort((a, b) => a - b)[Math.floor((values.length - 1) / 2)];
const sections = [];
for (const corpus of CORPORA) {
  const times = { 6: [], 7: [] };
  const rows = [];
  let findings;
  for (let run = quick ? 1 : 0; run <= runs; run++) {
    const pair = { 6: runOnce(6, corpus.cwd), 7: runOnce(7, corpus.cwd) };
    if (pair[6].stdout !== pair[7].stdout)
      throw new Error(`TypeScript 7 finds otherwise than TypeScript 6 on ${corpus.name}`);
    findings = pair[6].findings;
    for (const compiler of [6, 7]) {
      if (run > 0) times[compiler].push(pair[compiler].seconds);
      rows.push(`| ${run === 0 ? 'warm-up' : run} | ${compiler} | ${pair[compiler].seconds.toFixed(2)} |`);
    }
  }
  const ratio = median(times[7]) / median(times[6]);
  console.log(
    `${corpus.name}: TypeScript 6 ${median(times[6]).toFixed(2)} s, 7 ${median(times[7]).toFixed(2)} s, 7/6 ${ratio.toFixed(2)}`,
  );
  sections.push(
    [
      `## ${corpus.name}`,
      '',
      `${corpus.files} .ts files; ${findings} findings, the same on both, word for word.`,
      '',
      '| run | TypeScript | seconds |',
      '| --- | --- | --- |',
      ...rows,
      '',
      `**Median: TypeScript 6 ${median(times[6]).toFixed(2)} s, TypeScript 7 ${median(times[7]).toFixed(2)} s; 7/6 = ${ratio.toFixed(2)}.**`,
    ].join('\n'),
  );
}
rmSync(copies, { recursive: true, force: true });

if (!quick) {
  writeFileSync(
    join(here, 'results.md'),
    resultsPage({
      root,
      title: 'memsafe check on TypeScript 6 and TypeScript 7',
      command: 'npm run bench:typescript7',
      script: 'bench/typescript7/backends.mjs',
      body: [
        'Each run is the whole CLI in one process: `memsafe check --preset all -f json` from loading the',
        'tsconfig to the JSON, on TypeScript 6 through the classic compiler API and on TypeScript 7 through',
        `its JavaScript API (${version7}; the run includes starting the compiler process). Runs alternate 6, 7`,
        `after one uncounted warm-up pair; ${runs} timed runs of each.`,
        '',
        ...sections.flatMap((section, index) => (index === 0 ? [section] : ['', section])),
      ],
      typescriptVersion: `${ts.version} and ${version7}`,
      loadAtStart,
    }),
  );
}
