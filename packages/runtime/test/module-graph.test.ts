import { readdirSync, readFileSync } from 'node:fs';
import { posix } from 'node:path';
import { fileURLToPath } from 'node:url';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';

const src = fileURLToPath(new URL('../src/', import.meta.url));

/** Relative imports and re-exports that load a module when this one loads: type-only ones are erased. */
function valueImports(text: string): string[] {
  const file = ts.createSourceFile('module.ts', text, ts.ScriptTarget.Latest);
  const specifiers: string[] = [];
  for (const statement of file.statements) {
    const loads =
      (ts.isImportDeclaration(statement) && !isTypeOnlyImport(statement)) ||
      (ts.isExportDeclaration(statement) && !isTypeOnlyExport(statement));
    if (!loads || statement.moduleSpecifier === undefined || !ts.isStringLiteral(statement.moduleSpecifier)) continue;
    if (statement.moduleSpecifier.text.startsWith('.')) specifiers.push(statement.moduleSpecifier.text);
  }
  return specifiers;
}

/**
 * `import type` and `export type` are erased. `import { type A }` is not: with verbatimModuleSyntax
 * the build keeps it as `import {} from`, which loads the module.
 */
function isTypeOnlyImport(declaration: ts.ImportDeclaration): boolean {
  return declaration.importClause?.isTypeOnly === true;
}

function isTypeOnlyExport(declaration: ts.ExportDeclaration): boolean {
  return declaration.isTypeOnly;
}

/** Every `.ts` file under src, by its path there, with the files its value imports name. */
function sourceGraph(): Map<string, string[]> {
  const graph = new Map<string, string[]>();
  const files = readdirSync(src, { recursive: true, encoding: 'utf8' })
    .map(path => path.split('\\').join('/'))
    .filter(path => path.endsWith('.ts'));
  for (const path of files) {
    const imported = valueImports(readFileSync(src + path, 'utf8')).map(specifier =>
      posix.join(posix.dirname(path), specifier).replace(/\.js$/, '.ts'),
    );
    graph.set(path, imported);
  }
  return graph;
}

/** The cycles a depth-first walk closes, each as `a.ts → b.ts → a.ts`. */
function cycles(graph: ReadonlyMap<string, readonly string[]>): string[] {
  const found: string[] = [];
  const explored = new Set<string>();
  const path: string[] = [];
  const visit = (module: string): void => {
    const at = path.indexOf(module);
    if (at >= 0) {
      found.push([...path.slice(at), module].join(' → '));
      return;
    }
    if (explored.has(module)) return;
    path.push(module);
    for (const next of graph.get(module) ?? []) visit(next);
    path.pop();
    explored.add(module);
  };
  for (const module of [...graph.keys()].sort()) visit(module);
  return found;
}

describe('the runtime module graph', () => {
  it('counts what loads a module: value imports and re-exports, and inline `type` ones, which the build keeps', () => {
    const text = [
      "import { a } from './a.js';",
      "import { type B, c } from './c.js';",
      "import type { D } from './d.js';",
      "import { type E } from './e.js';",
      "import * as f from './f.js';",
      "import './g.js';",
      "export * from './h.js';",
      "export { i } from './i.js';",
      "export type { J } from './j.js';",
      "export { type K } from './k.js';",
      "import { readFileSync } from 'node:fs';",
    ].join('\n');
    expect(valueImports(text)).toEqual([
      './a.js',
      './c.js',
      './e.js',
      './f.js',
      './g.js',
      './h.js',
      './i.js',
      './k.js',
    ]);
  });

  it('finds a cycle, naming the modules around it', () => {
    const graph = new Map([
      ['a.ts', ['b.ts']],
      ['b.ts', ['c.ts']],
      ['c.ts', ['a.ts']],
      ['d.ts', ['a.ts']],
    ]);
    expect(cycles(graph)).toEqual(['a.ts → b.ts → c.ts → a.ts']);
  });

  it('has no cycle of value imports', () => {
    const graph = sourceGraph();
    expect([...graph.values()].flat().length).toBeGreaterThan(0);
    expect(cycles(graph)).toEqual([]);
  });
});
