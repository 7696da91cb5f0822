import { spawnSync } from 'node:child_process';
import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';

const root = fileURLToPath(new URL('..', import.meta.url));
const guide = readFileSync(join(root, 'docs/runtime.md'), 'utf8');

/** Every ```ts block of the guide, with the line it starts on. */
const snippets = [...guide.matchAll(/^```ts\n([\s\S]*?)^```$/gm)].map(match => ({
  line: guide.slice(0, match.index).split('\n').length + 1,
  code: match[1]!,
}));

// Inside the repository, so that `@memsafe/runtime` resolves to the built package as a user's would.
const dir = join(root, 'test', '.snippets');
rmSync(dir, { recursive: true, force: true });
mkdirSync(dir, { recursive: true });
const files = snippets.map((snippet, i) => {
  const file = join(dir, `runtime-guide-${i}.mts`);
  writeFileSync(file, snippet.code);
  return file;
});

describe('docs/runtime.md', () => {
  it('has examples', () => {
    expect(snippets.length).toBeGreaterThan(8);
  });

  it('type-checks every example, @ts-expect-error lines included', () => {
    const program = ts.createProgram(files, {
      strict: true,
      noEmit: true,
      target: ts.ScriptTarget.ES2022,
      module: ts.ModuleKind.NodeNext,
      moduleResolution: ts.ModuleResolutionKind.NodeNext,
      lib: ['lib.es2024.d.ts', 'lib.dom.d.ts'],
      types: ['node'],
      skipLibCheck: true,
    });
    const problems = ts.getPreEmitDiagnostics(program).map(diagnostic => {
      const where = diagnostic.file ? files.indexOf(diagnostic.file.fileName) : -1;
      const at =
        where >= 0 && diagnostic.start !== undefined
          ? diagnostic.file!.getLineAndCharacterOfPosition(diagnostic.start).line
          : 0;
      const line = where >= 0 ? snippets[where]!.line + at : 0;
      return `docs/runtime.md:${line}: ${ts.flattenDiagnosticMessageText(diagnostic.messageText, '\n')}`;
    });
    expect(problems).toEqual([]);
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
