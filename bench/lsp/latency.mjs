#!/usr/bin/env node
// How long `memsafe lsp` takes to publish diagnostics after an edit, as an editor sees it: the time
// from sending textDocument/didChange to receiving the publishDiagnostics of that version, for a
// 3,000-line file of wasm glue (views, allocations, copies) in a project, warm (after a first check).
// Each edit appends a statement at the end of a function; edits alternate between two texts. Runs on
// TypeScript 6 and TypeScript 7 (the workspace's `typescript`), side by side.
//
//   node bench/lsp/latency.mjs [--runs N] [--quick]
//
// --runs N  timed edits per compiler (default 30; the median is reported)
// --quick   5 edits, results.md left alone: a check that the bench works
import { spawn } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { createMessageConnection, StreamMessageReader, StreamMessageWriter } from 'vscode-jsonrpc/node.js';
import { installTypeScript } from '../../tools/typescript-workspace.mjs';
import { resultsPage, runFlags } from '../machine.mjs';

const loadAtStart = loadavg()[0];
const here = dirname(fileURLToPath(import.meta.url));
const root = join(here, '../..');
const { runs: edits, quick } = runFlags('runs', 30);
const LINES = 3000;

/** A file of LINES lines: functions that take views of wasm memory, allocate, copy and read. */
function glue(extra) {
  const lines = [
    'declare const wasm: { memory: WebAssembly.Memory; malloc(n: number): number; free(p: number): void };',
  ];
  for (let i = 0; lines.length < LINES - 12; i++) {
    lines.push(
      `export function f${i}(bytes: Uint8Array): number {`,
      `  const ptr = wasm.malloc(bytes.length) >>> 0;`,
      `  const heap = new Uint8Array(wasm.memory.buffer);`,
      `  heap.set(bytes, ptr);`,
      `  const copy = heap.slice(ptr, ptr + 4);`,
      `  let sum = 0;`,
      `  for (let j = 0; j < copy.length; j++) sum += copy[j]!;`,
      `  wasm.free(ptr);`,
      `  return sum + ${i};`,
      `}`,
    );
  }
  lines.push('export function last(bytes: Uint8Array): number {', '  const heap = new Uint8Array(wasm.memory.buffer);');
  lines.push(extra, '  return heap[0]! + bytes.length;', '}');
  while (lines.length < LINES) lines.push('');
  return lines.join('\n');
}
const TEXTS = [glue('  const ptr = wasm.malloc(bytes.length);'), glue('  const size = bytes.length;')];

async function measure(major) {
  const dir = mkdtempSync(join(tmpdir(), `memsafe-lsp-bench-${major}-`));
  mkdirSync(join(dir, 'src'));
  installTypeScript(dir, major);
  writeFileSync(
    join(dir, 'tsconfig.json'),
    JSON.stringify({
      compilerOptions: {
        strict: true,
        target: 'es2022',
        module: 'nodenext',
        lib: ['es2024', 'dom'],
        types: ['node'],
        skipLibCheck: true,
        noEmit: true,
      },
      include: ['src'],
    }),
  );
  const file = join(dir, 'src', 'glue.ts');
  writeFileSync(file, TEXTS[0]);
  const uri = pathToFileURL(file).href;
  const child = spawn(process.execPath, [join(root, 'packages', 'analyzer', 'bin', 'memsafe.js'), 'lsp', '--stdio'], {
    cwd: dir,
    stdio: ['pipe', 'pipe', 'inherit'],
  });
  const connection = createMessageConnection(
    new StreamMessageReader(child.stdout),
    new StreamMessageWriter(child.stdin),
  );
  const waiting = new Map();
  connection.onNotification('textDocument/publishDiagnostics', params => {
    waiting.get(params.version)?.(params);
  });
  connection.listen();
  const published = version => new Promise(resolve => waiting.set(version, resolve));
  await connection.sendRequest('initialize', {
    processId: process.pid,
    rootUri: pathToFileURL(dir).href,
    capabilities: {},
  });
  await connection.sendNotification('initialized', {});
  let first = published(1);
  await connection.sendNotification('textDocument/didOpen', {
    textDocument: { uri, languageId: 'typescript', version: 1, text: TEXTS[0] },
  });
  const counts = [(await first).diagnostics.length];
  const times = [];
  for (let version = 2; version <= edits + 1; version++) {
    const text = TEXTS[version % 2];
    const done = published(version);
    const start = performance.now();
    await connection.sendNotification('textDocument/didChange', {
      textDocument: { uri, version },
      contentChanges: [{ text }],
    });
    const params = await done;
    times.push(performance.now() - start);
    counts.push(params.diagnostics.length);
  }
  await connection.sendRequest('shutdown');
  await connection.sendNotification('exit');
  connection.dispose();
  rmSync(dir, { recursive: true, force: true });
  const sorted = [...times].sort((a, b) => a - b);
  return {
    major,
    median: sorted[Math.floor((sorted.length - 1) / 2)],
    p90: sorted[Math.floor(sorted.length * 0.9)],
    counts: [...new Set(counts)],
  };
}

const results = [];
for (const major of [6, 7]) {
  const result = await measure(major);
  results.push(result);
  console.log(
    `TypeScript ${major}: median ${result.median.toFixed(0)} ms, 90th percentile ${result.p90.toFixed(0)} ms, diagnostics per version ${result.counts.join('/')}`,
  );
}
if (!quick) {
  const versionOf = name => JSON.parse(readFileSync(join(root, 'node_modules', name, 'package.json'), 'utf8')).version;
  writeFileSync(
    join(here, 'results.md'),
    resultsPage({
      root,
      title: 'memsafe lsp: diagnostics after an edit',
      command: 'npm run bench:lsp',
      script: 'bench/lsp/latency.mjs',
      body: [
        `The time from textDocument/didChange to the publishDiagnostics of that version, for a ${LINES.toLocaleString('en-US')}-line file`,
        `of wasm glue, warm (after the first check), ${edits} edits on each compiler; every rule of \`recommended\` runs.`,
        'The target is 150 ms at the median.',
        '',
        '| TypeScript | median | 90th percentile | diagnostics per version |',
        '| --- | --- | --- | --- |',
        ...results.map(
          r => `| ${r.major} | ${r.median.toFixed(0)} ms | ${r.p90.toFixed(0)} ms | ${r.counts.join(' / ')} |`,
        ),
      ],
      typescriptVersion: `the workspace's: ${versionOf('typescript')} and ${versionOf('typescript7')}`,
      loadAtStart,
    }),
  );
}
