#!/usr/bin/env node
// no-stale-view reads a module's binary to learn which exports can never grow its memory. This runs
// that reader over every distinct .wasm file the real-code packages install (run real-code.mjs
// first): how long each read takes (median of 5), how many exported functions it clears, and a check
// that no allocator export is ever cleared (an allocator that cannot grow would be a reader bug).
//
//   npm run build --silent && node bench/corpus/real-binaries.mjs [--write]
//
// --write  also writes bench/corpus/real-binaries.md
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { loadavg } from 'node:os';
import { exportsThatCannotGrow } from '../../packages/analyzer/dist/esm/glue/wasm-binary.js';
import { commitOf, machineRows } from '../machine.mjs';

const here = fileURLToPath(new URL('.', import.meta.url));
const scratch = join(here, '.real-code');
const RUNS = 5;
/** Export names of allocators: the reader must never say these cannot grow. */
const ALLOCATOR =
  /^_?(?:malloc|calloc|realloc|sbrk|emscripten_builtin_malloc|__wbindgen_malloc|__wbindgen_realloc|__new|__pin)$/;

function wasmFiles(dir, found = []) {
  for (const name of readdirSync(dir)) {
    const path = join(dir, name);
    const stats = statSync(path);
    if (stats.isDirectory()) wasmFiles(path, found);
    else if (name.endsWith('.wasm') && stats.size > 1024) found.push(path);
  }
  return found;
}

const loadAtStart = loadavg()[0];
const seen = new Set();
const rows = [];
let wrong = 0;
for (const path of wasmFiles(scratch).sort()) {
  const bytes = readFileSync(path);
  const digest = createHash('sha256').update(bytes).digest('hex');
  if (seen.has(digest)) continue;
  seen.add(digest);
  // This Node may not compile every module (the GC proposal's, for one): the reader still reads it.
  let exported;
  try {
    exported = WebAssembly.Module.exports(new WebAssembly.Module(bytes))
      .filter(e => e.kind === 'function')
      .map(e => e.name);
  } catch (error) {
    if (!(error instanceof WebAssembly.CompileError)) throw error;
  }
  const times = [];
  let cannotGrow;
  for (let run = 0; run < RUNS; run++) {
    const start = performance.now();
    cannotGrow = exportsThatCannotGrow(bytes);
    times.push(performance.now() - start);
  }
  times.sort((a, b) => a - b);
  const cleared = [...cannotGrow].filter(name => ALLOCATOR.test(name));
  const allocators = (exported ?? [...cannotGrow]).filter(name => ALLOCATOR.test(name));
  if (cleared.length > 0) wrong++;
  rows.push({
    file: relative(scratch, path).split('/node_modules/').pop(),
    megabytes: (bytes.length / 1e6).toFixed(1),
    ms: times[RUNS >> 1].toFixed(0),
    cleared:
      exported === undefined
        ? `${cannotGrow.size} (Node ${process.versions.node} cannot compile it to count the rest)`
        : `${cannotGrow.size} of ${exported.length}`,
    allocators:
      allocators.length === 0
        ? '–'
        : cleared.length === 0
          ? `${allocators.join(', ')}: may grow`
          : `**${cleared.join(', ')} cleared**`,
  });
}

const table = [
  '| binary | MB | read, median of 5 (ms) | exported functions that cannot grow | allocator exports |',
  '| --- | --- | --- | --- | --- |',
  ...rows.map(r => `| ${r.file} | ${r.megabytes} | ${r.ms} | ${r.cleared} | ${r.allocators} |`),
].join('\n');
process.stdout.write(
  `${table}\n\n${rows.length} binaries; ${wrong === 0 ? 'no allocator cleared' : `${wrong} with an allocator cleared`}.\n`,
);
if (process.argv.includes('--write')) {
  const root = join(here, '../..');
  writeFileSync(
    join(here, 'real-binaries.md'),
    [
      '# The binary reader on real modules',
      '',
      'Written by `node bench/corpus/real-binaries.mjs --write` (after `real-code.mjs` has installed the',
      "packages): no-stale-view's reader of module binaries over every distinct `.wasm` file those packages",
      'install. A read happens once per binary and change on disk, not per lint. Exports that cannot grow',
      'are those from which no `memory.grow`, import call or indirect call is reachable; most exports of',
      'compiled C++ and Rust reach one of those (an allocator, a panic handler, a virtual call), so few are',
      'cleared, and allocators never are.',
      '',
      '| | |',
      '| --- | --- |',
      `| memsafe | ${commitOf(root)} |`,
      `| Node | ${process.version} |`,
      machineRows(loadAtStart),
      '',
      table,
      '',
    ].join('\n'),
  );
}
process.exitCode = wrong === 0 ? 0 : 1;
