#!/usr/bin/env node
// Runs every corpus case: its confirm.ts must pass on fixed.ts and fail on buggy.ts (the bug shows
// when the code runs), and pass on every correct file that has one. The corpus is compiled with its
// own tsconfig.json into .build/, next to the assembled support/heap.wasm.
//
//   node bench/corpus/confirm.mjs [--json] [case-id-substring…]
//
// --json  prints every verdict as JSON (the corpus test reads it) instead of a line per case
import { spawnSync } from 'node:child_process';
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { assembleWatFile } from '../../tools/wat.mjs';
import { BUILD_DIR, builtPath, CORPUS_ROOT, readCorpus } from './layout.mjs';

const root = join(CORPUS_ROOT, '../..');
/** A case that does not settle in this long is hung (a message that never arrives), not slow. */
const HANG_MS = 20_000;

/** Compiles the corpus to .build/ and assembles the heap module beside its loader. */
export async function buildCorpus() {
  rmSync(BUILD_DIR, { recursive: true, force: true });
  const tsc = join(root, 'node_modules', 'typescript', 'bin', 'tsc');
  const result = spawnSync(process.execPath, [tsc, '-p', join(CORPUS_ROOT, 'tsconfig.json')], { encoding: 'utf8' });
  if (result.status !== 0) throw new Error(`the corpus does not compile:\n${result.stdout}${result.stderr}`);
  mkdirSync(join(BUILD_DIR, 'support'), { recursive: true });
  writeFileSync(
    join(BUILD_DIR, 'support', 'heap.wasm'),
    await assembleWatFile(join(CORPUS_ROOT, 'support', 'heap.wat')),
  );
}

async function load(source) {
  return import(pathToFileURL(builtPath(source)).href);
}

/** `undefined` when `confirm(implementation)` passes, else what went wrong. */
async function outcome(confirm, implementation) {
  let timer;
  const hang = new Promise(resolve => {
    timer = setTimeout(() => resolve(`did not settle in ${HANG_MS / 1000} s`), HANG_MS);
  });
  try {
    return await Promise.race([Promise.resolve(confirm(implementation)).then(() => undefined), hang]);
  } catch (error) {
    return error instanceof Error ? `${error.name}: ${error.message}` : String(error);
  } finally {
    clearTimeout(timer);
  }
}

/** What latent.ts said of `file` (undefined: it passed, and the latent bug does not show), where there is one. */
async function latentVerdict(entry, file) {
  if (entry.latent === undefined) return {};
  const latent = (await load(entry.latent)).default;
  if (typeof latent !== 'function') throw new Error(`${entry.latent} has no default export function`);
  return { hasLatent: true, latent: await outcome(latent, await load(file)) };
}

/**
 * Every case's verdict: `misbehaves` is what confirm.ts said of buggy.ts (undefined: it passed,
 * and the case shows nothing), `fixedFails` what it said of fixed.ts (undefined: it passed), and,
 * where the case has a latent.ts (`hasLatent`), `latent`: what it said of fixed.ts (undefined: it
 * passed, and the bug the project's fix left does not show).
 */
export async function confirmCorpus(filters = []) {
  const corpus = readCorpus();
  if (corpus.problems.length > 0) throw new Error(`the corpus is malformed:\n${corpus.problems.join('\n')}`);
  await buildCorpus();
  const wanted = id => filters.length === 0 || filters.some(filter => id.includes(filter));
  const cases = [];
  for (const c of corpus.cases.filter(c => wanted(c.id))) {
    const confirm = (await load(c.confirm)).default;
    if (typeof confirm !== 'function') throw new Error(`cases/${c.id}/confirm.ts has no default export function`);
    cases.push({
      id: c.id,
      misbehaves: await outcome(confirm, await load(c.buggy)),
      fixedFails: await outcome(confirm, await load(c.fixed)),
      ...(await latentVerdict(c, c.fixed)),
    });
  }
  const correct = [];
  for (const c of corpus.correct.filter(c => wanted(c.id))) {
    if (c.confirm === undefined) {
      correct.push({ id: c.id, checked: false });
      continue;
    }
    const confirm = (await load(c.confirm)).default;
    correct.push({
      id: c.id,
      checked: true,
      fails: await outcome(confirm, await load(c.file)),
      ...(await latentVerdict(c, c.file)),
    });
  }
  return { cases, correct };
}

async function main() {
  const args = process.argv.slice(2);
  const json = args.includes('--json');
  const { cases, correct } = await confirmCorpus(args.filter(arg => arg !== '--json'));
  if (json) {
    process.stdout.write(`${JSON.stringify({ cases, correct }, null, 2)}\n`);
    process.exit(0);
  }
  let bad = 0;
  for (const c of cases) {
    const ok =
      c.misbehaves !== undefined && c.fixedFails === undefined && (c.hasLatent !== true || c.latent !== undefined);
    if (!ok) bad++;
    const detail = c.misbehaves === undefined ? 'buggy.ts PASSES its check' : c.misbehaves;
    const latent =
      c.hasLatent !== true
        ? ''
        : c.latent === undefined
          ? ' | fixed.ts PASSES latent.ts: the latent bug does not show'
          : ` | latent in fixed.ts: ${c.latent}`;
    process.stdout.write(
      `${ok ? '✔' : '✘'} ${c.id}: ${detail}${c.fixedFails === undefined ? '' : ` | fixed.ts FAILS: ${c.fixedFails}`}${latent}\n`,
    );
  }
  for (const c of correct) {
    if (c.fails !== undefined || (c.hasLatent === true && c.latent === undefined)) bad++;
    const ok = c.fails === undefined && (c.hasLatent !== true || c.latent !== undefined);
    const latent =
      c.hasLatent !== true
        ? ''
        : c.latent === undefined
          ? ' | latent.ts PASSES: the latent bug does not show'
          : ` | latent: ${c.latent}`;
    process.stdout.write(
      `${ok ? '✔' : '✘'} correct/${c.id}${c.checked ? '' : ' (no confirm.ts)'}${c.fails === undefined ? '' : `: FAILS: ${c.fails}`}${latent}\n`,
    );
  }
  process.stdout.write(
    `\n${cases.length} cases, ${correct.filter(c => c.checked).length} of ${correct.length} correct files run; ${bad} wrong.\n`,
  );
  process.exit(bad === 0 ? 0 : 1);
}

if (process.argv[1] !== undefined && fileURLToPath(import.meta.url) === join(process.argv[1])) await main();
