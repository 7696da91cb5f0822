import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import ts from 'typescript';

/** A ```ts block of a Markdown page, with the page and the line the code starts on. */
export interface Snippet {
  readonly page: string;
  readonly line: number;
  readonly code: string;
}

/** Every ```ts block of `text`, the Markdown of `page`. */
export function snippetsOf(page: string, text: string): Snippet[] {
  return [...text.matchAll(/^```ts\n([\s\S]*?)^```$/gm)].map(match => ({
    page,
    line: text.slice(0, match.index).split('\n').length + 1,
    code: match[1]!,
  }));
}

/**
 * Writes the snippets as ES modules under `dir` (inside the repository, so that `@memsafe/runtime`
 * resolves to the built package as a user's would) and returns the files, in order.
 */
export function writeSnippets(dir: string, snippets: readonly Snippet[]): string[] {
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  return snippets.map((snippet, i) => {
    const file = join(dir, `snippet-${i}.mts`);
    writeFileSync(file, snippet.code);
    return file;
  });
}

/** Type-checks the snippets' files together as a user's strict project would: each problem as `page:line: message`. */
export function snippetProblems(snippets: readonly Snippet[], files: readonly string[]): string[] {
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
  return ts.getPreEmitDiagnostics(program).map(diagnostic => {
    const snippet = diagnostic.file === undefined ? undefined : snippets[files.indexOf(diagnostic.file.fileName)];
    const at =
      diagnostic.start === undefined ? 0 : diagnostic.file!.getLineAndCharacterOfPosition(diagnostic.start).line;
    const where = snippet === undefined ? '' : `${snippet.page}:${snippet.line + at}: `;
    return `${where}${ts.flattenDiagnosticMessageText(diagnostic.messageText, '\n')}`;
  });
}
