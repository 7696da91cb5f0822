/**
 * The rule docs (docs/rules/<rule>.md) are kept true by this test, in the way typescript-eslint's
 * docs.test.mts keeps theirs:
 *
 * - the generated parts (each doc's header and options table, the README rule table) are current:
 *   `npm run docs:check` (eslint-doc-generator --check) exits 0;
 * - every rule has a doc with the required sections, every option its own `###`, every doc a rule;
 * - every example is linted with the real ESLint API, the built plugin and type information: each
 *   ❌ block must produce a finding of its rule, each ✅ block none; and each ❌ block's findings,
 *   squiggled under the code, are snapshotted into test/__snapshots__/rule-docs/<rule>.md;
 * - every example type-checks, so that no example is flagged, or passes, because of a typo.
 *
 * An example is a ```ts block whose previous non-blank line starts with ❌ or ✅. Rule options go in
 * the fence: ```ts option='{ "checkAwait": false }'. The packages must be built (`npm test` does).
 */
import { spawnSync } from 'node:child_process';
import { mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { ESLint, type Linter } from 'eslint';
import ts from 'typescript';
import tseslint from 'typescript-eslint';
import { beforeAll, describe, expect, it } from 'vitest';
import { UNUSED_DIRECTIVE_CODE, checks } from '@memsafe/analyzer';
import plugin from '@memsafe/eslint-plugin';

const root = fileURLToPath(new URL('..', import.meta.url));
const docsDir = join(root, 'docs', 'rules');
/** Holds tsconfig.json (lib es2024 + dom, types node), the setup the examples assume. */
const fixtures = join(root, 'test', 'fixtures');
/** Where the examples are written to be linted; a dot folder, so test/tsconfig.json does not include it. */
const examplesDir = join(fixtures, '.docs');

type Kind = 'incorrect' | 'correct';

interface Example {
  readonly rule: string;
  /** 1-based, among the rule doc's examples. */
  readonly index: number;
  /** The doc line the code starts on. */
  readonly line: number;
  readonly kind: Kind;
  /** The ❌/✅ line above the block. */
  readonly caption: string;
  readonly code: string;
  readonly options: readonly unknown[];
  readonly file: string;
}

interface Doc {
  readonly rule: string;
  readonly path: string;
  readonly text: string;
  /** `## ` headings in order. */
  readonly sections: readonly string[];
  readonly examples: readonly Example[];
  /** ```ts blocks that are not marked ❌ or ✅, by doc line. */
  readonly unmarked: readonly number[];
}

function parseDoc(rule: string): Doc {
  const path = join(docsDir, `${rule}.md`);
  const text = readFileSync(path, 'utf8');
  const lines = text.split('\n');
  const sections: string[] = [];
  const examples: Example[] = [];
  const unmarked: number[] = [];
  for (let i = 0; i < lines.length; i++) {
    const fence = /^```(\S*)(.*)$/.exec(lines[i]!);
    if (fence === null) {
      const heading = /^## (.+)$/.exec(lines[i]!);
      if (heading !== null) sections.push(heading[1]!.trim());
      continue;
    }
    const start = i + 1;
    let end = start;
    while (end < lines.length && lines[end] !== '```') end++;
    i = end;
    if (fence[1] !== 'ts') continue;
    let above = start - 2;
    while (above >= 0 && lines[above]!.trim() === '') above--;
    const caption = above >= 0 ? lines[above]!.trim() : '';
    const kind: Kind | undefined = caption.startsWith('❌')
      ? 'incorrect'
      : caption.startsWith('✅')
        ? 'correct'
        : undefined;
    if (kind === undefined) {
      unmarked.push(start);
      continue;
    }
    const option = /option='(.*)'/.exec(fence[2]!)?.[1];
    const index = examples.length + 1;
    examples.push({
      rule,
      index,
      line: start + 1,
      kind,
      caption,
      code: `${lines.slice(start, end).join('\n')}\n`,
      options: option === undefined ? [] : [JSON.parse(option) as unknown],
      file: join(examplesDir, `${rule}-${index}.ts`),
    });
  }
  return { rule, path, text, sections, examples, unmarked };
}

const ruleNames = Object.keys(plugin.rules).sort();
const docs = ruleNames.map(parseDoc);
const examples = docs.flatMap(doc => doc.examples);

/** typescript-eslint's renderLintResults: the code, with `~~~` and the message under each finding. */
function renderFindings(code: string, messages: readonly Linter.LintMessage[]): string {
  const output: string[] = [];
  const lines = code.split('\n');
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]!;
    output.push(line);
    for (const message of messages) {
      const startLine = message.line - 1;
      const endLine = message.endLine === undefined ? startLine : message.endLine - 1;
      const startColumn = message.column - 1;
      const endColumn = message.endColumn === undefined ? startColumn : message.endColumn - 1;
      if (i < startLine || i > endLine) continue;
      if (i === startLine) {
        const squiggle = '~'.repeat(
          startLine === endLine ? Math.max(1, endColumn - startColumn) : line.length - startColumn,
        );
        output.push(`${' '.repeat(startColumn)}${squiggle} ${message.message}`);
      } else if (i === endLine) {
        output.push('~'.repeat(endColumn));
      } else {
        output.push('~'.repeat(line.length));
      }
    }
  }
  return `${output.join('\n').trimEnd()}\n`;
}

/** Findings per example file, from one ESLint run over all of them (one type-checked program). */
const findings = new Map<string, Linter.LintMessage[]>();

beforeAll(async () => {
  rmSync(examplesDir, { recursive: true, force: true });
  mkdirSync(examplesDir, { recursive: true });
  writeFileSync(join(examplesDir, '.gitignore'), '*\n');
  for (const example of examples) writeFileSync(example.file, example.code);

  const eslint = new ESLint({
    cwd: fixtures,
    overrideConfigFile: true,
    overrideConfig: [
      {
        files: ['**/*.ts'],
        languageOptions: {
          parser: tseslint.parser,
          parserOptions: { projectService: true, tsconfigRootDir: fixtures },
        },
        plugins: { memsafe: plugin },
      },
      // Each example is linted with its own rule only, and the options its fence names.
      ...examples.map(example => ({
        files: [relative(fixtures, example.file)],
        rules: { [`memsafe/${example.rule}`]: ['error', ...example.options] as Linter.RuleEntry },
      })),
    ],
  });
  for (const result of await eslint.lintFiles(examples.map(example => example.file)))
    findings.set(result.filePath, result.messages);
});

const where = (example: Example) => `docs/rules/${example.rule}.md:${example.line} (${example.caption})`;

it('`npm run docs:check` finds the generated docs and README table up to date', () => {
  const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';
  const result = spawnSync(npm, ['run', '--silent', 'docs:check'], {
    cwd: root,
    encoding: 'utf8',
    shell: process.platform === 'win32',
  });
  expect(result.status, `${result.stdout}\n${result.stderr}\nRun \`npm run docs:rules\` to regenerate.`).toBe(0);
});

it("the README names every rule's tsserver diagnostic code", () => {
  const readme = readFileSync(join(root, 'README.md'), 'utf8').replace(/\s+/g, ' ');
  const listed = [...readme.matchAll(/\b(910\d\d) ([a-z-]+)/g)].map(([, code, rule]) => `${code} ${rule}`);
  expect(listed).toEqual([...checks].sort((a, b) => a.code - b.code).map(check => `${check.code} ${check.id}`));
  // And the codes that are not rules: a configuration mistake, an unused eslint-disable directive.
  expect(readme).toContain('91000: a mistake in the configuration');
  expect(readme).toContain(`${UNUSED_DIRECTIVE_CODE}: an \`eslint-disable\` comment naming a memsafe rule`);
});

it('every rule has a doc, and every doc is a rule', () => {
  const files = readdirSync(docsDir)
    .filter(name => name.endsWith('.md'))
    .sort();
  expect(files).toEqual(ruleNames.map(name => `${name}.md`));
});

describe.each(docs.map(doc => [doc.rule, doc] as const))('docs/rules/%s.md', (_rule, doc) => {
  const rule = plugin.rules[doc.rule]!;

  it('has the generated header, then Examples, Options and When Not To Use It, in that order', () => {
    expect(doc.text).toMatch(/^# .+\n/);
    expect(doc.text).toContain('<!-- end auto-generated rule header -->');
    const required = ['Examples', 'Options', 'When Not To Use It'];
    const found = doc.sections.filter(section => required.includes(section));
    expect(found).toEqual(required);
  });

  it('documents every option in its own `###`, or says it has none', () => {
    const options = doc.text.slice(
      doc.text.indexOf('\n## Options\n'),
      doc.text.indexOf('\n## ', doc.text.indexOf('\n## Options\n') + 1),
    );
    const schema = (rule.meta?.schema as readonly { properties?: Record<string, unknown> }[])[0];
    const names = Object.keys(schema?.properties ?? {});
    if (names.length === 0) {
      expect(options).toContain('This rule has no options.');
      return;
    }
    const headings = [...options.matchAll(/^### `(\w+)`$/gm)].map(match => match[1]);
    expect(headings).toEqual(names);
  });

  it('has ❌ and ✅ examples, and every ```ts block is one of them', () => {
    expect(doc.unmarked, `unmarked \`\`\`ts blocks at lines ${doc.unmarked.join(', ')}`).toEqual([]);
    expect(doc.examples.some(example => example.kind === 'incorrect')).toBe(true);
    expect(doc.examples.some(example => example.kind === 'correct')).toBe(true);
  });

  it.each(doc.examples.map(example => [example.line, example.caption, example] as const))(
    'line %i: %s',
    (_line, _caption, example) => {
      const messages = findings.get(example.file) ?? [];
      const fatal = messages.filter(message => message.fatal === true || message.ruleId === null);
      expect(
        fatal.map(message => message.message),
        where(example),
      ).toEqual([]);
      if (example.kind === 'correct') {
        expect(
          messages.map(message => `${message.line}:${message.column} ${message.message}`),
          `${where(example)} must produce no findings`,
        ).toEqual([]);
      } else {
        expect(
          messages.filter(message => message.ruleId === `memsafe/${example.rule}`).length,
          `${where(example)} must produce a finding`,
        ).toBeGreaterThan(0);
      }
    },
  );

  it('reports the ❌ examples as the snapshot shows', async () => {
    const incorrect = doc.examples.filter(example => example.kind === 'incorrect');
    const text = [
      `# ${doc.rule}`,
      '',
      `What ESLint reports on each ❌ example of docs/rules/${doc.rule}.md (generated by test/rule-docs.test.ts).`,
      ...incorrect.flatMap(example => [
        '',
        `## ${example.caption}`,
        ...(example.options.length === 0 ? [] : ['', `Options: \`${JSON.stringify(example.options[0])}\``]),
        '',
        '```ts',
        renderFindings(example.code, findings.get(example.file) ?? []).trimEnd(),
        '```',
      ]),
    ].join('\n');
    await expect(`${text}\n`).toMatchFileSnapshot(`__snapshots__/rule-docs/${doc.rule}.md`);
  });
});

it('every example type-checks (lib es2024 + dom, types node, strict)', () => {
  const config = ts.getParsedCommandLineOfConfigFile(
    join(fixtures, 'tsconfig.json'),
    {},
    { ...ts.sys, onUnRecoverableConfigFileDiagnostic: () => {} },
  );
  expect(config).toBeDefined();
  const program = ts.createProgram(
    examples.map(example => example.file),
    config!.options,
  );
  const byFile = new Map(examples.map(example => [example.file, example]));
  const problems = ts.getPreEmitDiagnostics(program).map(diagnostic => {
    const example = diagnostic.file === undefined ? undefined : byFile.get(diagnostic.file.fileName);
    const line =
      example === undefined || diagnostic.start === undefined
        ? 0
        : example.line + diagnostic.file!.getLineAndCharacterOfPosition(diagnostic.start).line;
    return `docs/rules/${example?.rule ?? '?'}.md:${line}: ${ts.flattenDiagnosticMessageText(diagnostic.messageText, '\n')}`;
  });
  expect(problems).toEqual([]);
});
