#!/usr/bin/env node
// How long `memsafe lsp` takes to publish diagnostics after an edit, as an editor sees it: the time
// from sending textDocument/didChange to receiving the publishDiagnostics of that version, for a
// 3,000-line file of wasm glue (views, allocations, copies) in a project, warm (after a first check).
// Each edit changes one statement of the last function; edits alternate between two texts. Runs on
// TypeScript 6 and TypeScript 7 (the workspace's `typescript`), side by side, each beside
// TypeScript's own check of the same file after the same edits.
//
//   node bench/lsp/latency.mjs [--runs N] [--quick]
//
// --runs N  timed edits per compiler (default 30; the median is reported)
// --quick   one edit, results.md left alone: a check that the bench works
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

/**
 * A file of LINES lines of functions, of which one in \`every\` takes views of wasm memory,
 * allocates, copies and reads (the others do arithmetic on arrays), then \`extra\` in the last one.
 */
function source(every, extra) {
  const lines = [
    'declare const wasm: { memory: WebAssembly.Memory; malloc(n: number): number; free(p: number): void };',
  ];
  for (let i = 0; lines.length < LINES - 12; i++) {
    lines.push(
      ...(i % every === 0
        ? [
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
          ]
        : [
            `export function f${i}(values: readonly number[]): number {`,
            `  let total = 0;`,
            `  for (const value of values) total += value * ${i};`,
            `  const label = \`item ${i}: \${total}\`;`,
            `  if (label.length > 40) total -= 1;`,
            `  const scaled = values.map(value => value / (total || 1));`,
            `  const sorted = [...scaled].sort((a, b) => a - b);`,
            `  const middle = sorted[sorted.length >> 1] ?? 0;`,
            `  return scaled.reduce((a, b) => a + b, middle);`,
            `}`,
          ]),
    );
  }
  lines.push('export function last(bytes: Uint8Array): number {', '  const heap = new Uint8Array(wasm.memory.buffer);');
  lines.push(extra, '  return heap[0]! + bytes.length;', '}');
  while (lines.length < LINES) lines.push('');
  return lines.join('\n');
}

/** The files measured, each as the two texts its edits alternate between. */
const FILES = [
  { name: 'wasm glue: every function takes a view', every: 1 },
  { name: 'one function in ten takes a view', every: 10 },
].map(({ name, every }) => ({
  name,
  texts: [source(every, '  const ptr = wasm.malloc(bytes.length);'), source(every, '  const size = bytes.length;')],
}));

/** A project with the file's first text, whose \`typescript\` is TypeScript \`major\`. */
function project(major, texts) {
  const dir = mkdtempSync(join(tmpdir(), `memsafe-lsp-bench-${major}-`));
  mkdirSync(join(dir, 'src'));
  installTypeScript(dir, major);
  writeFileSync(join(dir, 'tsconfig.json'), JSON.stringify({ compilerOptions: COMPILER_OPTIONS, include: ['src'] }));
  const file = join(dir, 'src', 'glue.ts');
  writeFileSync(file, texts[0]);
  return { dir, file };
}

const COMPILER_OPTIONS = {
  strict: true,
  target: 'es2022',
  module: 'nodenext',
  lib: ['es2024', 'dom'],
  types: ['node'],
  skipLibCheck: true,
  noEmit: true,
};

/** The median and 90th percentile of \`times\`. */
function spread(times) {
  const sorted = [...times].sort((a, b) => a - b);
  return { median: sorted[Math.floor((sorted.length - 1) / 2)], p90: sorted[Math.floor(sorted.length * 0.9)] };
}

/** memsafe lsp: from didChange to the publishDiagnostics of that version. */
async function measureServer(major, texts) {
  const { dir, file } = project(major, texts);
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
    textDocument: { uri, languageId: 'typescript', version: 1, text: texts[0] },
  });
  const counts = [(await first).diagnostics.length];
  const times = [];
  for (let version = 2; version <= edits + 1; version++) {
    const text = texts[version % 2];
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
  return { ...spread(times), counts: [...new Set(counts)] };
}

/**
 * TypeScript's own check of the same file after the same edits, as its editor servers run it: the
 * program made again and the file's semantic diagnostics (TypeScript 6's language service;
 * TypeScript 7's API, a new snapshot with the file changed). The floor under any analysis that
 * asks the type checker about the whole file.
 */
async function measureTypeScript(major, texts) {
  const { dir, file } = project(major, texts);
  let text = texts[0];
  let check;
  let close = () => {};
  if (major === 6) {
    const ts = (await import('typescript')).default;
    const parsed = ts.getParsedCommandLineOfConfigFile(
      join(dir, 'tsconfig.json'),
      {},
      { ...ts.sys, onUnRecoverableConfigFileDiagnostic: () => {} },
    );
    let version = 0;
    const service = ts.createLanguageService({
      getCompilationSettings: () => parsed.options,
      getScriptFileNames: () => parsed.fileNames,
      getScriptVersion: name => (name === file ? String(version) : '0'),
      getScriptSnapshot: name => {
        const content = name === file ? text : ts.sys.readFile(name);
        return content === undefined ? undefined : ts.ScriptSnapshot.fromString(content);
      },
      getCurrentDirectory: () => dir,
      getDefaultLibFileName: options => ts.getDefaultLibFilePath(options),
      fileExists: ts.sys.fileExists,
      readFile: ts.sys.readFile,
      readDirectory: ts.sys.readDirectory,
      directoryExists: ts.sys.directoryExists,
      getDirectories: ts.sys.getDirectories,
    });
    check = () => {
      version += 1;
      return service.getSemanticDiagnostics(file).length;
    };
    close = () => service.dispose();
  } else {
    const { API } = await import('typescript7/unstable/sync');
    const api = new API({ cwd: dir, fs: { readFile: name => (name === file ? text : undefined) } });
    const tsconfig = join(dir, 'tsconfig.json');
    let snapshot;
    check = () => {
      snapshot?.dispose();
      snapshot = api.updateSnapshot({ openProjects: [tsconfig], fileChanges: { changed: [file] } });
      return snapshot.getProject(tsconfig).program.getSemanticDiagnostics(file).length;
    };
    close = () => api.close();
  }
  check();
  const times = [];
  for (let version = 2; version <= edits + 1; version++) {
    text = texts[version % 2];
    const start = performance.now();
    check();
    times.push(performance.now() - start);
  }
  close();
  rmSync(dir, { recursive: true, force: true });
  return spread(times);
}

const results = [];
for (const { name, texts } of FILES)
  for (const major of [6, 7]) {
    const server = await measureServer(major, texts);
    const typescript = await measureTypeScript(major, texts);
    results.push({ name, major, server, typescript });
    console.log(
      `${name}, TypeScript ${major}: memsafe lsp median ${server.median.toFixed(0)} ms (90th percentile ${server.p90.toFixed(0)} ms, diagnostics per version ${server.counts.join('/')}); TypeScript's own check median ${typescript.median.toFixed(0)} ms`,
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
        `of functions, warm (after the first check), ${edits} edits on each compiler; every rule of \`recommended\` runs.`,
        'Two files: wasm glue, where every function allocates in wasm memory and takes a view of it (the checker',
        'is asked about every function), and one where one function in ten does and the rest do arithmetic on',
        "arrays. The target is 150 ms at the median. Beside it, on the same file and edits: TypeScript's own check,",
        "the program made again and the file's semantic diagnostics, as its editor servers run it after an edit.",
        '',
        "| file | TypeScript | memsafe lsp, median | 90th percentile | diagnostics per version | TypeScript's own check, median | memsafe / TypeScript |",
        '| --- | --- | --- | --- | --- | --- | --- |',
        ...results.map(
          ({ name, major, server, typescript }) =>
            `| ${name} | ${major} | ${server.median.toFixed(0)} ms | ${server.p90.toFixed(0)} ms | ${server.counts.join(' / ')} | ${typescript.median.toFixed(0)} ms | ${(server.median / typescript.median).toFixed(2)} |`,
        ),
      ],
      typescriptVersion: `the workspace's: ${versionOf('typescript')} and ${versionOf('typescript7')}`,
      loadAtStart,
    }),
  );
}
