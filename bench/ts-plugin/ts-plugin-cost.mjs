#!/usr/bin/env node
// What the tsserver plugin adds to warm semantic diagnostics on one large, real TypeScript file.
// Two language services over the same files, host setup and compiler options: A is TypeScript's own,
// B is A decorated by @memsafe/ts-plugin, created as tsserver creates it. After a first (cold) call
// on each, a series of edits to the big file: after each edit, getSemanticDiagnostics(file) on A and
// on B, interleaved (A then B, then B then A on the next edit). The script reports the medians, B/A
// (the target is at most 1.10), the p90s, and what memsafe reported.
//
//   node --expose-gc bench/ts-plugin/ts-plugin-cost.mjs [--edits N] [--quick] [--profile]
//
// --edits N   timed edits (default 40; results.md is written only for 30 or more)
// --quick     6 edits, no warm-up edits, and results.md is left alone: a check that the bench works
// --profile   afterwards, a CPU profile of B over the same edits, summarised: memsafe's own
//             functions and the type checker calls they make (adds a section to the report)
import { cpSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { Session } from 'node:inspector';
import { createRequire } from 'node:module';
import { loadavg } from 'node:os';
import { commitOf, machineRows } from '../machine.mjs';
import { dirname, join, relative, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { checks } from '@memsafe/analyzer';
import ts from 'typescript';

// Other processes on the machine add noise; the load average at the start goes into the report.
const loadAtStart = loadavg()[0];
const here = dirname(fileURLToPath(import.meta.url));
const root = join(here, '../..');
const corpusRoot = join(here, '.corpus');
const require = createRequire(import.meta.url);

// The file. apache-arrow's largest source is 882 lines and fflate's npm package ships no TypeScript
// source (only compiled .js and .d.ts), so the 3,000+ lines come from @xterm/xterm, which ships its
// src: the escape-sequence interpreter, which decodes into Uint32Arrays and writes terminal cells.
const PACKAGE = '@xterm/xterm';
const FILE = 'common/InputHandler.ts';

const { values: flags } = parseArgs({
  options: {
    edits: { type: 'string' },
    quick: { type: 'boolean', default: false },
    profile: { type: 'boolean', default: false },
  },
});
const edits = flags.quick ? 6 : Number(flags.edits ?? 40);
if (!Number.isInteger(edits) || edits < 2)
  throw new Error(`--edits wants an integer of at least 2, got ${flags.edits}`);
const warmUpEdits = flags.quick ? 0 : 2;

// A fresh copy of the package's src on every run, so that it always matches the installed version.
// bench/ts-plugin/tsconfig.json roots the program at the big file; its imports resolve in the copy.
rmSync(corpusRoot, { recursive: true, force: true });
cpSync(join(root, 'node_modules', PACKAGE, 'src'), corpusRoot, { recursive: true });
const packageVersion = JSON.parse(readFileSync(join(root, 'node_modules', PACKAGE, 'package.json'), 'utf8')).version;
const bigFile = join(corpusRoot, FILE);
const original = readFileSync(bigFile, 'utf8');
const lineCount = original.split('\n').length - (original.endsWith('\n') ? 1 : 0);

const config = ts.getParsedCommandLineOfConfigFile(
  join(here, 'tsconfig.json'),
  {},
  {
    ...ts.sys,
    onUnRecoverableConfigFileDiagnostic: d => {
      throw new Error(ts.flattenDiagnosticMessageText(d.messageText, '\n'));
    },
  },
);
if (config.errors.length > 0)
  throw new Error(
    ts.formatDiagnostics(config.errors, {
      getCanonicalFileName: f => f,
      getCurrentDirectory: () => here,
      getNewLine: () => '\n',
    }),
  );

// ---- the edits ---------------------------------------------------------------------------------
// Each edit is the original text with one small change, at a different place each time: a comment
// line inserted before a statement, or a decimal integer literal respelled (`4096` -> `4096.0`, the
// same value and literal type). Neither changes a type, so every check sees the same program and
// the same diagnostics, and each bumps the version, so both services re-check the file.
const parsed = ts.createSourceFile(bigFile, original, ts.ScriptTarget.Latest, true);
const statementStarts = [];
const literals = [];
(function walk(node) {
  if (ts.isStatement(node) && !ts.isBlock(node) && ts.isBlock(node.parent)) statementStarts.push(node.getStart(parsed));
  if (
    ts.isNumericLiteral(node) &&
    /^\d+$/.test(node.text) &&
    node.getText(parsed) === node.text &&
    original[node.getEnd()] !== '.' &&
    node.parent.name !== node
  ) {
    literals.push(node);
  }
  ts.forEachChild(node, walk);
})(parsed);
const lineOf = offset => parsed.getLineAndCharacterOfPosition(offset).line + 1;
/** Edit k: an even k inserts a comment, an odd k respells a literal; places spread over the file. */
function edit(k, total) {
  const spread = (list, i) => list[Math.floor(((i + 0.5) * list.length) / total) % list.length];
  if (k % 2 === 0) {
    const at = spread(statementStarts, k);
    const indent = /[ \t]*$/.exec(original.slice(0, at))[0];
    return {
      kind: 'comment',
      line: lineOf(at),
      text: `${original.slice(0, at)}// bench edit ${k}\n${indent}${original.slice(at)}`,
    };
  }
  const literal = spread(literals, k);
  return {
    kind: `${literal.text} -> ${literal.text}.0`,
    line: lineOf(literal.getStart(parsed)),
    text: `${original.slice(0, literal.getEnd())}.0${original.slice(literal.getEnd())}`,
  };
}

// ---- the two services --------------------------------------------------------------------------
// One state for the big file, read by both hosts; every other file comes from disk. Each service
// has its own document registry, so that neither reuses the other's parse of the edited file.
const state = { text: original, version: 1 };
function createHost() {
  return {
    getCompilationSettings: () => config.options,
    getScriptFileNames: () => config.fileNames,
    getScriptVersion: name => (name === bigFile ? String(state.version) : '1'),
    getScriptSnapshot: name => {
      const text = name === bigFile ? state.text : ts.sys.readFile(name);
      return text === undefined ? undefined : ts.ScriptSnapshot.fromString(text);
    },
    getCurrentDirectory: () => here,
    getDefaultLibFileName: options => ts.getDefaultLibFilePath(options),
    fileExists: name => ts.sys.fileExists(name),
    readFile: name => (name === bigFile ? state.text : ts.sys.readFile(name)),
    directoryExists: name => ts.sys.directoryExists(name),
    getDirectories: name => ts.sys.getDirectories(name),
    realpath: name => ts.sys.realpath?.(name) ?? name,
  };
}

const serviceA = ts.createLanguageService(createHost(), ts.createDocumentRegistry());
const hostB = createHost();
const originalB = ts.createLanguageService(hostB, ts.createDocumentRegistry());
const logged = [];
const pluginVersion = JSON.parse(readFileSync(join(root, 'packages/ts-plugin/package.json'), 'utf8')).version;
// The plugin as tsserver loads it: `require()` of the built package, init with tsserver's own ts.
const plugin = require('@memsafe/ts-plugin')({ typescript: ts });
const serviceB = plugin.create({
  languageService: originalB,
  languageServiceHost: hostB,
  config: { name: '@memsafe/ts-plugin' },
  project: {
    projectService: { logger: { info: message => logged.push(message), msg: message => logged.push(message) } },
  },
  serverHost: ts.sys,
});
const SERVICES = { A: serviceA, B: serviceB };

/** One timed getSemanticDiagnostics; the previous garbage is collected first (needs --expose-gc). */
function measure(config) {
  globalThis.gc?.();
  const start = performance.now();
  const diagnostics = SERVICES[config].getSemanticDiagnostics(bigFile);
  const ms = performance.now() - start;
  const memsafe = diagnostics.filter(d => d.source === 'memsafe');
  return { ms, typescript: diagnostics.length - memsafe.length, memsafe };
}
const progress = (label, a, b) =>
  console.error(
    `  ${label.padEnd(8)} A ${a.ms.toFixed(1).padStart(7)} ms  B ${b.ms.toFixed(1).padStart(7)} ms  B/A ${(b.ms / a.ms).toFixed(3)}  ts ${a.typescript}/${b.typescript}  memsafe ${b.memsafe.length}`,
  );

/** Applies edit k and measures both services, A first on even k and B first on odd k. */
function editAndMeasure(k, total) {
  const change = edit(k, total);
  state.text = change.text;
  state.version++;
  const order = k % 2 === 0 ? ['A', 'B'] : ['B', 'A'];
  const result = {};
  for (const config of order) result[config] = measure(config);
  return { k, ...change, order: order.join(' '), a: result.A, b: result.B };
}

// The first call on each service builds its program and checks everything from scratch, and pays
// for JIT-compiling TypeScript (A) or memsafe (B): the cold case, reported but not counted.
console.error(`${PACKAGE}@${packageVersion} src/${FILE}: ${lineCount} lines, ${config.fileNames.length} root file(s)`);
console.error('cold: the first getSemanticDiagnostics on each service (not counted)');
const cold = { a: measure('A'), b: measure('B') };
progress('cold', cold.a, cold.b);
const program = originalB.getProgram();
const corpusFiles = program.getSourceFiles().filter(f => f.fileName.startsWith(corpusRoot + sep));
const corpusLines = corpusFiles.reduce((n, f) => n + f.getLineStarts().length, 0);
const applicable = checks
  .filter(check => check.mayApply === undefined || check.mayApply(original))
  .map(check => check.id);

// A few uncounted edits first: the incremental paths (program reuse, re-check) have their own JIT.
if (warmUpEdits > 0) console.error(`warm-up edits (${warmUpEdits}, not counted)`);
for (let k = 0; k < warmUpEdits; k++) {
  const run = editAndMeasure(k, warmUpEdits);
  progress(`warm ${k + 1}`, run.a, run.b);
}

console.error(`timed edits (${edits}, interleaved)`);
const timed = [];
for (let k = 0; k < edits; k++) {
  timed.push(editAndMeasure(k, edits));
  progress(`edit ${k + 1}`, timed.at(-1).a, timed.at(-1).b);
}
state.text = original;
state.version++;

// ---- statistics --------------------------------------------------------------------------------
const sorted = values => [...values].sort((a, b) => a - b);
const median = values => {
  const s = sorted(values);
  const middle = s.length >> 1;
  return s.length % 2 ? s[middle] : (s[middle - 1] + s[middle]) / 2;
};
/** Nearest-rank percentile. */
const percentile = (values, p) => sorted(values)[Math.max(0, Math.ceil((p / 100) * values.length) - 1)];
const mean = values => values.reduce((a, b) => a + b, 0) / values.length;
const msA = timed.map(run => run.a.ms);
const msB = timed.map(run => run.b.ms);
const medianA = median(msA);
const medianB = median(msB);
const ratio = medianB / medianA;
const TARGET = 1.1;
// Load drifts over seconds on a shared machine; B − A and B / A within each edit cancel most of it.
const paired = timed.map(run => run.b.ms - run.a.ms);
const pairedRatio = median(timed.map(run => run.b.ms / run.a.ms));
const memsafeCounts = new Set(timed.map(run => run.b.memsafe.length));
const typescriptCounts = new Set(timed.flatMap(run => [run.a.typescript, run.b.typescript]));
const memsafeFindings = timed.at(-1).b.memsafe;
// The plugin logs "plugin loaded" and nothing else unless one of its guards caught an error, in
// which case B answered without memsafe and the timing would flatter it.
const failures = logged.filter(line => !line.endsWith('plugin loaded'));
const verdict =
  failures.length > 0
    ? 'INVALID: the plugin logged errors'
    : ratio <= TARGET
      ? `PASS (≤ ${TARGET.toFixed(2)})`
      : `FAIL (> ${TARGET.toFixed(2)})`;

// ---- profile -----------------------------------------------------------------------------------
// A separate pass, after the timed one, so that the profiler's overhead touches no timing above.
let profileSummary;
if (flags.profile) profileSummary = await profileB(Math.min(edits, 20));

async function profileB(count) {
  const session = new Session();
  session.connect();
  const post = (method, params) =>
    new Promise((resolve, reject) =>
      session.post(method, params, (error, result) => (error ? reject(error) : resolve(result))),
    );
  await post('Profiler.enable');
  await post('Profiler.setSamplingInterval', { interval: 100 });
  console.error(`profile: B alone over ${count} edits`);
  const profiles = [];
  for (let k = 0; k < count; k++) {
    state.text = edit(k, count).text;
    state.version++;
    globalThis.gc?.();
    await post('Profiler.start');
    serviceB.getSemanticDiagnostics(bigFile);
    profiles.push((await post('Profiler.stop')).profile);
  }
  state.text = original;
  state.version++;
  session.disconnect();
  return summarise(profiles);
}

/**
 * Where B's time goes, from sampled stacks. The decorated getSemanticDiagnostics first runs
 * TypeScript's own; memsafe's share is the samples with memsafe code on the stack below that
 * wrapper. Then: per check, memsafe's functions by inclusive and by self time, and the TypeScript
 * functions that memsafe code calls directly (the checker's API, through the analyzer's guard), by
 * inclusive time.
 */
function summarise(profiles) {
  const isMemsafe = frame => /\/packages\/(analyzer|ts-plugin)\/dist\//.test(frame.url);
  const isTypescript = frame => frame.url.includes('/node_modules/typescript/lib/');
  const isWrapper = frame =>
    isMemsafe(frame) && frame.url.endsWith('/decorate.js') && frame.functionName === 'service.getSemanticDiagnostics';
  const file = frame =>
    frame.url.replace(/^.*\/packages\/(analyzer\/dist\/cjs|ts-plugin\/dist)\//, (_, dir) =>
      dir.startsWith('analyzer') ? 'analyzer/' : 'ts-plugin/',
    );
  const name = frame => `${frame.functionName || '(anonymous)'} ${file(frame)}:${frame.lineNumber + 1}`;
  const checkOf = frame => /\/checks\/([a-z-]+)(?:\/|\.js$)/.exec(frame.url)?.[1];
  let total = 0;
  let own = 0;
  const self = new Map();
  const inclusive = new Map();
  const perCheck = new Map();
  const calls = new Map();
  const bump = (map, key, by) => map.set(key, (map.get(key) ?? 0) + by);
  for (const profile of profiles) {
    const byId = new Map(profile.nodes.map(node => [node.id, node]));
    const parent = new Map();
    for (const node of profile.nodes) for (const child of node.children ?? []) parent.set(child, node.id);
    profile.samples.forEach((id, i) => {
      // A sample stands for the time until the next one.
      const us = profile.timeDeltas[i + 1] ?? 0;
      total += us;
      // Root first; the leaf last.
      const stack = [];
      for (let at = id; at !== undefined; at = parent.get(at)) stack.unshift(byId.get(at).callFrame);
      const below = stack.findIndex(isWrapper);
      if (below < 0) return;
      const leaf = stack.at(-1);
      const inner = stack.slice(below + 1);
      // Below the wrapper, TypeScript's own diagnostics unless memsafe code is further down.
      if (!inner.some(isMemsafe) && !(inner.length === 0 && isWrapper(leaf))) return;
      own += us;
      if (isMemsafe(leaf)) bump(self, name(leaf), us);
      const seen = new Set();
      for (let d = below + 1; d < stack.length; d++) {
        const frame = stack[d];
        if (isMemsafe(frame)) {
          const key = name(frame);
          // Each function once per sample, however deep its recursion.
          if (!seen.has(key)) (bump(inclusive, key, us), seen.add(key));
          const check = checkOf(frame);
          if (check !== undefined && !seen.has(`check:${check}`))
            (bump(perCheck, check, us), seen.add(`check:${check}`));
          const next = stack[d + 1];
          if (next !== undefined && isTypescript(next)) {
            const call = next.functionName || '(anonymous)';
            if (!seen.has(`call:${call}`)) (bump(calls, call, us), seen.add(`call:${call}`));
          }
        }
      }
    });
  }
  const top = (map, n) => [...map].sort((a, b) => b[1] - a[1]).slice(0, n);
  return {
    profiles: profiles.length,
    total: total / 1000,
    own: own / 1000,
    perCheck: top(perCheck, 10),
    self: top(self, 15),
    inclusive: top(inclusive, 25),
    calls: top(calls, 15),
  };
}

// ---- report ------------------------------------------------------------------------------------
const commit = commitOf(root);
const f1 = value => value.toFixed(1);
const cell = text => String(text).replaceAll('|', '\\|');
const summaryRow = (label, values) =>
  `| ${label} | ${f1(Math.min(...values))} | ${f1(median(values))} | ${f1(mean(values))} | ${f1(percentile(values, 90))} | ${f1(Math.max(...values))} |`;
const command = `npm run bench:tsplugin${flags.quick ? ' -- --quick' : ''}${!flags.quick && edits !== 40 ? ` -- --edits ${edits}` : ''}${flags.profile ? `${flags.quick || edits !== 40 ? '' : ' --'} --profile` : ''}`;

const report = `# tsserver plugin cost: warm semantic diagnostics on a ${lineCount}-line file

Generated by \`${command}\` (bench/ts-plugin/ts-plugin-cost.mjs) on ${new Date().toISOString().slice(0, 10)}.

The target: on a file of 3,000+ lines, warm semantic diagnostics with the plugin take at most
${TARGET.toFixed(2)}× the time without it.

- **A**: \`ts.createLanguageService(host, ts.createDocumentRegistry())\`.
- **B**: the same, with its own host and registry, decorated as tsserver does it:
  \`require('@memsafe/ts-plugin')({ typescript }).create(info)\`, default options (the recommended rules).

## Machine and versions

| | |
| --- | --- |
${machineRows(loadAtStart)}
| Node | ${process.version} |
| TypeScript | ${ts.version} |
| @memsafe/ts-plugin | ${pluginVersion}, commit ${commit} |

## The file

| | |
| --- | --- |
| file | ${PACKAGE}@${packageVersion} \`src/${FILE}\` (from npm, copied to bench/ts-plugin/.corpus/) |
| lines | ${lineCount} |
| program | ${config.fileNames.length} root file; ${corpusFiles.length} files of the package's src (${corpusLines} lines) through its imports, plus TypeScript's libs |
| compiler options | bench/ts-plugin/tsconfig.json (\`strict\`; the package's \`common/*\`, \`vs/*\` import paths; its parameter decorators) |
| TypeScript's diagnostics on the file | ${[...typescriptCounts].join(', ')} |
| memsafe checks that apply (\`mayApply\` on the text) | ${applicable.length} of ${checks.length}: ${applicable.join(', ')} |

apache-arrow's largest source is 882 lines, and fflate's npm package ships no TypeScript source
(compiled .js and .d.ts only), so the file is xterm.js's escape-sequence interpreter: it decodes
input into \`Uint32Array\`s (\`subarray\`, \`copyWithin\`) and writes terminal cells.

## Method

Both services see one in-memory state of the big file (every other file comes from disk), with the
same compiler options, and each has its own document registry, so neither reuses the other's parse.
A first \`getSemanticDiagnostics(file)\` on each builds the program and checks from scratch (cold,
not counted)${warmUpEdits ? `; ${warmUpEdits} uncounted edits then warm the incremental paths` : ''}. Then ${edits} edits, each the
original text with one change at a different place, spread over the file: on even edits a comment
line inserted before a statement, on odd edits a decimal literal respelled (\`8\` → \`8.0\`: same value,
same literal type, so the diagnostics stay the same). Each edit bumps the script version, so each
service updates its program (re-parsing the file) and re-checks the file with a new type checker,
as tsserver does after a keystroke; that update is inside the timed call, as it is in tsserver's
\`semanticDiagnosticsSync\`. After each edit both services are timed (\`performance.now()\` around
\`getSemanticDiagnostics(file)\`, after a forced GC), A then B on even edits, B then A on odd ones.
B's time includes TypeScript's diagnostics (the decorated call runs the original first) and
memsafe's findings for the new program.

## Results

| ${edits} edits | min ms | median ms | mean ms | p90 ms | max ms |
| --- | --- | --- | --- | --- | --- |
${summaryRow('A (TypeScript)', msA)}
${summaryRow('B (with memsafe)', msB)}
${summaryRow('B − A, per edit', paired)}

| | |
| --- | --- |
| median A | ${f1(medianA)} ms |
| median B | ${f1(medianB)} ms |
| **B / A (medians)** | **${ratio.toFixed(3)}** |
| median of B / A per edit | ${pairedRatio.toFixed(3)} |
| p90 A, p90 B | ${f1(percentile(msA, 90))} ms, ${f1(percentile(msB, 90))} ms |
| memsafe diagnostics (B) | ${[...memsafeCounts].join(', ')} |
| cold (first call; A goes first and pays for JIT-compiling TypeScript) A, B | ${f1(cold.a.ms)} ms, ${f1(cold.b.ms)} ms |
| target | B / A ≤ ${TARGET.toFixed(2)} |
| **verdict** | **${verdict}** |
${failures.length ? `\nThe plugin logged:\n\n\`\`\`\n${failures.join('\n')}\n\`\`\`\n` : ''}
${memsafeFindings.length ? `memsafe's diagnostics:\n\n| line | code | message |\n| --- | --- | --- |\n${memsafeFindings.map(d => `| ${lineOf(d.start)} | ${d.code} | ${cell(ts.flattenDiagnosticMessageText(d.messageText, ' '))} |`).join('\n')}\n` : `memsafe reports nothing on this file: ${applicable.length === checks.length ? 'every check runs over it and finds no problem' : 'the checks that run over it find no problem'}${''} (\`memsafe explain\` lists its conversions: fresh \`Uint32Array\`s, copies, and one \`copyWithin\`).\n`}
## Per edit

| edit | change | line | order | A ms | B ms | B / A |
| --- | --- | --- | --- | --- | --- | --- |
${timed.map(run => `| ${run.k + 1} | ${cell(run.kind)} | ${run.line} | ${run.order} | ${f1(run.a.ms)} | ${f1(run.b.ms)} | ${(run.b.ms / run.a.ms).toFixed(3)} |`).join('\n')}
${
  profileSummary === undefined
    ? ''
    : `
## Where B's time goes (CPU profile, ${profileSummary.profiles} edits, B alone)

Sampled every 0.1 ms by the inspector, in a separate pass after the timed one, over the same kind
of edits. Of ${f1(profileSummary.total)} ms in B's calls (${f1(profileSummary.total / profileSummary.profiles)} ms an edit), ${f1(profileSummary.own)} ms (${f1(profileSummary.own / profileSummary.profiles)} ms an edit, ${((profileSummary.own / profileSummary.total) * 100).toFixed(1)}%)
had memsafe code on the stack below the decorated \`getSemanticDiagnostics\`; the rest is TypeScript's
own diagnostics.

By check (time with the check's code on the stack):

| check | ms | ms an edit |
| --- | --- | --- |
${profileSummary.perCheck.map(([key, us]) => `| ${key} | ${f1(us / 1000)} | ${f1(us / 1000 / profileSummary.profiles)} |`).join('\n')}

memsafe functions, inclusive (each counted once per sample):

| function | ms | ms an edit |
| --- | --- | --- |
${profileSummary.inclusive.map(([key, us]) => `| \`${cell(key)}\` | ${f1(us / 1000)} | ${f1(us / 1000 / profileSummary.profiles)} |`).join('\n')}

memsafe functions, self time:

| function | ms | ms an edit |
| --- | --- | --- |
${profileSummary.self.map(([key, us]) => `| \`${cell(key)}\` | ${f1(us / 1000)} | ${f1(us / 1000 / profileSummary.profiles)} |`).join('\n')}

TypeScript functions that memsafe code calls directly (checker calls and AST traversal), inclusive:

| function | ms | ms an edit |
| --- | --- | --- |
${profileSummary.calls.map(([key, us]) => `| \`${cell(key)}\` | ${f1(us / 1000)} | ${f1(us / 1000 / profileSummary.profiles)} |`).join('\n')}
`
}`;

console.log(report);
if (flags.quick) console.error('--quick: results.md left as it was');
else if (edits < 30) console.error(`--edits ${edits}: results.md wants at least 30 edits, left as it was`);
else writeFileSync(join(here, 'results.md'), report);
