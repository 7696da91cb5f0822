#!/usr/bin/env node
// Precision and recall of memsafe's presets on the corpus of real bugs: for `recommended` and
// `strict`, which cases each finds (a finding of the case's kind on a line of buggy.ts marked
// `// BUG`), recall per kind, and every finding on a fixed or correct file (a false alarm, unless it
// is the named rule's on a line marked `// LATENT <rule>`) or off the marked lines of a buggy file.
//
//   npm run bench:corpus [-- --write] [-- --json]
//
// --write  also writes bench/corpus/results.md
// --json   prints the score as JSON instead of markdown (for tests and tools)
import { writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { analyze, checks, presetRules } from '@memsafe/analyzer';
import ts from 'typescript';
import { commitOf } from '../machine.mjs';
import { KINDS } from './kinds.mjs';
import { assembleWatFile } from '../../tools/wat.mjs';
import { CORPUS_ROOT, readCorpus } from './layout.mjs';

export const PRESETS = ['recommended', 'strict'];
/** The targets: recall over the safety kinds in `recommended`, over all kinds in `strict`, and false alarms. */
export const TARGETS = {
  recommended: { recall: 0.9, falseAlarms: 0, kinds: 'safety' },
  strict: { recall: 0.85, falseAlarms: 2, kinds: 'all' },
};

class CorpusError extends Error {}

/** The corpus's program, as its tsconfig.json describes it; type errors in it make the corpus unusable. */
function createProgram() {
  const configFile = join(CORPUS_ROOT, 'tsconfig.json');
  const read = ts.readConfigFile(configFile, path => ts.sys.readFile(path));
  const parsed = ts.parseJsonConfigFileContent(read.config, ts.sys, CORPUS_ROOT, { noEmit: true }, configFile);
  const program = ts.createProgram({ rootNames: parsed.fileNames, options: parsed.options });
  const diagnostics = ts
    .getPreEmitDiagnostics(program)
    .filter(d => d.file === undefined || d.file.fileName.startsWith(CORPUS_ROOT));
  if (diagnostics.length > 0) {
    const text = ts.formatDiagnostics(diagnostics.slice(0, 20), {
      getCanonicalFileName: f => f,
      getCurrentDirectory: () => CORPUS_ROOT,
      getNewLine: () => '\n',
    });
    throw new CorpusError(`the corpus does not type-check (${diagnostics.length} errors):\n${text}`);
  }
  return program;
}

/** Scores the corpus; throws a CorpusError when the corpus is malformed or a check fails on it. */
export function scoreCorpus() {
  const corpus = readCorpus();
  if (corpus.problems.length > 0) throw new CorpusError(`the corpus is malformed:\n${corpus.problems.join('\n')}`);
  const program = createProgram();
  const sourceOf = path => {
    const file = program.getSourceFile(path);
    if (file === undefined) throw new CorpusError(`${path} is not in the corpus's program`);
    return file;
  };
  const files = [...corpus.cases.flatMap(c => [c.buggy, c.fixed]), ...corpus.correct.map(c => c.file)].map(sourceOf);
  const presets = {};
  for (const preset of PRESETS) {
    const errors = [];
    const findings = analyze({
      ts,
      program,
      checks,
      rules: presetRules(checks, preset),
      files,
      onError: (error, check, file) =>
        errors.push(
          `${check.id} on ${relative(CORPUS_ROOT, file.fileName)}: ${error instanceof Error ? error.stack : String(error)}`,
        ),
    });
    if (errors.length > 0) throw new CorpusError(`checks failed on the corpus:\n${errors.join('\n')}`);
    presets[preset] = judge(corpus, findings);
  }
  return { cases: corpus.cases.length, correct: corpus.correct.length, presets };
}

function summarise(finding) {
  return {
    file: relative(CORPUS_ROOT, finding.file),
    line: finding.line,
    rule: finding.rule,
    message: finding.message,
  };
}

/** A finding of the rule a `// LATENT <rule>` line names, on that line: a bug latent.ts shows. */
function onLatentLine(entry, finding) {
  return entry.latentLines.some(
    ({ line, rule }) => rule === finding.rule && finding.line <= line && line <= finding.endLine,
  );
}

/** Which cases the findings find, and which findings are false alarms. */
function judge(corpus, findings) {
  const byFile = new Map();
  for (const finding of findings) byFile.set(finding.file, [...(byFile.get(finding.file) ?? []), finding]);
  const found = [];
  const missed = [];
  const offTarget = [];
  const falseAlarms = [];
  const latent = [];
  for (const c of corpus.cases) {
    const rules = KINDS.find(kind => kind.id === c.kind).rules;
    const onBuggy = byFile.get(c.buggy) ?? [];
    const covers = finding => c.marked.some(line => finding.line <= line && line <= finding.endLine);
    (onBuggy.some(f => rules.includes(f.rule) && covers(f)) ? found : missed).push(c.id);
    offTarget.push(...onBuggy.filter(f => !covers(f)).map(summarise));
    for (const finding of byFile.get(c.fixed) ?? [])
      (onLatentLine(c, finding) ? latent : falseAlarms).push(summarise(finding));
  }
  for (const c of corpus.correct)
    for (const finding of byFile.get(c.file) ?? [])
      (onLatentLine(c, finding) ? latent : falseAlarms).push(summarise(finding));
  const kinds = KINDS.map(kind => {
    const ids = corpus.cases.filter(c => c.kind === kind.id).map(c => c.id);
    return { kind: kind.id, cases: ids.length, found: ids.filter(id => found.includes(id)).length };
  });
  const recall = selection => {
    const chosen = kinds.filter(k => selection === 'all' || KINDS.find(kind => kind.id === k.kind).safety);
    const cases = chosen.reduce((sum, k) => sum + k.cases, 0);
    return cases === 0 ? 0 : chosen.reduce((sum, k) => sum + k.found, 0) / cases;
  };
  return {
    kinds,
    found,
    missed,
    falseAlarms,
    latent,
    offTarget,
    recall: { safety: recall('safety'), all: recall('all') },
  };
}

const percent = value => `${(value * 100).toFixed(0)}%`;

export function formatScore(score) {
  const { recommended, strict } = score.presets;
  const lines = [];
  lines.push(`${score.cases} bug cases (buggy.ts and fixed.ts each), ${score.correct} correct files.`, '');
  lines.push('| kind | safety | cases | recommended | strict |', '| --- | --- | --- | --- | --- |');
  for (const kind of KINDS) {
    const r = recommended.kinds.find(k => k.kind === kind.id);
    const s = strict.kinds.find(k => k.kind === kind.id);
    lines.push(
      `| ${kind.title} (\`${kind.id}\`) | ${kind.safety ? 'yes' : ''} | ${r.cases} | ${r.found} (${percent(r.cases === 0 ? 0 : r.found / r.cases)}) | ${s.found} (${percent(s.cases === 0 ? 0 : s.found / s.cases)}) |`,
    );
  }
  lines.push('');
  lines.push(
    '| preset | recall | target | false alarms (fixed + correct files) | target | findings off the marked lines of buggy files |',
    '| --- | --- | --- | --- | --- | --- |',
  );
  for (const preset of PRESETS) {
    const result = score.presets[preset];
    const target = TARGETS[preset];
    const recall = target.kinds === 'safety' ? result.recall.safety : result.recall.all;
    lines.push(
      `| ${preset} | ${percent(recall)} of ${target.kinds === 'safety' ? 'the safety kinds' : 'all kinds'} | ≥ ${percent(target.recall)} | ${result.falseAlarms.length} | ≤ ${target.falseAlarms} | ${result.offTarget.length} |`,
    );
  }
  for (const preset of PRESETS) {
    const result = score.presets[preset];
    lines.push('', `### ${preset}: false alarms`, '');
    if (result.falseAlarms.length === 0) lines.push('None.');
    for (const f of result.falseAlarms) lines.push(`- \`${f.file}:${f.line}\` ${f.rule}: ${f.message}`);
    lines.push(
      '',
      `### ${preset}: findings on a bug still possible in a fixed or correct file (lines marked \`// LATENT <rule>\`, shown by latent.ts)`,
      '',
    );
    if (result.latent.length === 0) lines.push('None.');
    for (const f of result.latent) lines.push(`- \`${f.file}:${f.line}\` ${f.rule}: ${f.message}`);
    lines.push('', `### ${preset}: findings off the marked lines of buggy files`, '');
    if (result.offTarget.length === 0) lines.push('None.');
    for (const f of result.offTarget) lines.push(`- \`${f.file}:${f.line}\` ${f.rule}: ${f.message}`);
    lines.push('', `### ${preset}: missed cases`, '');
    if (result.missed.length === 0) lines.push('None.');
    for (const id of result.missed) lines.push(`- \`${id}\``);
  }
  return `${lines.join('\n')}\n`;
}

async function main() {
  const { values: flags } = parseArgs({
    options: { write: { type: 'boolean', default: false }, json: { type: 'boolean', default: false } },
  });
  // The heap module's binary goes beside its loader, where a build puts it: the analyzer reads a
  // module's binary to learn which exports cannot grow (the file is ignored by git).
  writeFileSync(
    join(CORPUS_ROOT, 'support', 'heap.wasm'),
    await assembleWatFile(join(CORPUS_ROOT, 'support', 'heap.wat')),
  );
  let score;
  try {
    score = scoreCorpus();
  } catch (error) {
    if (!(error instanceof CorpusError)) throw error;
    process.stderr.write(`bench:corpus: ${error.message}\n`);
    process.exitCode = 2;
    return;
  }
  if (flags.json) {
    process.stdout.write(`${JSON.stringify(score, null, 2)}\n`);
    return;
  }
  const report = formatScore(score);
  process.stdout.write(report);
  if (flags.write) {
    const root = join(CORPUS_ROOT, '../..');
    const header = [
      '# The corpus score',
      '',
      "Written by `npm run bench:corpus -- --write`: memsafe's `recommended` and `strict` presets on the bugs of",
      "[cases/](cases) and the files of [correct/](correct). A case is found when a finding of its kind's rules",
      '([kinds.mjs](kinds.mjs)) covers a line of its buggy.ts marked `// BUG`; every finding on a fixed.ts or a',
      'correct file is a false alarm.',
      '',
      '| | |',
      '| --- | --- |',
      `| commit | ${commitOf(root)} |`,
      `| date | ${new Date().toISOString().slice(0, 10)} |`,
      `| TypeScript | ${ts.version} |`,
      '',
    ].join('\n');
    writeFileSync(join(CORPUS_ROOT, 'results.md'), `${header}\n${report}`);
  }
}

if (process.argv[1] !== undefined && fileURLToPath(import.meta.url) === join(process.argv[1])) await main();
