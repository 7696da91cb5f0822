import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import ts from 'typescript';

const SOURCE = /\.(?:[cm]?ts|tsx|[cm]?js|jsx)$/;

/** Every TypeScript and JavaScript file under `root`, following no symlinks. */
export function sourceFiles(root: string): string[] {
  const found: string[] = [];
  const visit = (directory: string): void => {
    for (const entry of readdirSync(directory, { withFileTypes: true })) {
      const path = join(directory, entry.name);
      if (entry.isDirectory()) visit(path);
      else if (entry.isFile() && SOURCE.test(entry.name)) found.push(path);
    }
  };
  visit(root);
  return found.sort();
}

const OPTIONS: ts.CompilerOptions = {
  allowJs: true,
  checkJs: false,
  noResolve: true,
  noEmit: true,
  skipLibCheck: true,
  types: [],
  lib: ['lib.es2024.d.ts', 'lib.dom.d.ts'],
  target: ts.ScriptTarget.ES2022,
  module: ts.ModuleKind.ESNext,
  moduleResolution: ts.ModuleResolutionKind.Bundler,
};

const libraries = new Map<string, ts.SourceFile | undefined>();

/**
 * Programs over `files` in batches: each file is type-checked with the standard library but
 * without following its imports, so tens of thousands of unrelated files fit in memory.
 */
export function* programs(files: readonly string[], batch: number): Generator<ts.Program> {
  const host = ts.createCompilerHost(OPTIONS);
  const getSourceFile = host.getSourceFile.bind(host);
  host.getSourceFile = (fileName, version, onError) => {
    if (!fileName.includes('/typescript/lib/lib.')) return getSourceFile(fileName, version, onError);
    if (!libraries.has(fileName)) libraries.set(fileName, getSourceFile(fileName, version, onError));
    return libraries.get(fileName);
  };
  for (let i = 0; i < files.length; i += batch) {
    yield ts.createProgram(files.slice(i, i + batch), OPTIONS, host);
  }
}
