import { spawnSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';
import { snippetProblems, snippetsOf, writeSnippets } from './support/snippets.js';

const root = fileURLToPath(new URL('..', import.meta.url));
const guide = readFileSync(join(root, 'docs/runtime.md'), 'utf8');

const snippets = snippetsOf('docs/runtime.md', guide);
const dir = join(root, 'test', '.snippets', 'runtime-guide');
const files = writeSnippets(dir, snippets);

describe('docs/runtime.md', () => {
  it('has examples', () => {
    expect(snippets.length).toBeGreaterThan(8);
  });

  it('type-checks every example, @ts-expect-error lines included', () => {
    expect(snippetProblems(snippets, files)).toEqual([]);
  });

  it.each(snippets.map((snippet, i) => [snippet.line, i] as const))('the example at line %i runs', (_, i) => {
    const js = ts.transpileModule(snippets[i]!.code, {
      compilerOptions: { module: ts.ModuleKind.ESNext, target: ts.ScriptTarget.ES2022, verbatimModuleSyntax: false },
    }).outputText;
    const file = join(dir, `runtime-guide-${i}.mjs`);
    writeFileSync(file, js);
    const result = spawnSync(process.execPath, [file], { encoding: 'utf8' });
    expect(result.stderr).toBe('');
    expect(result.status).toBe(0);
  });
});
