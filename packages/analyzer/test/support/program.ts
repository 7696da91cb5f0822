import { fileURLToPath } from 'node:url';
import ts from 'typescript';
import { analyze, checks, type Finding, type RuleSettings } from '../../src/index.js';

/** Virtual files live here, inside the repository, so that node_modules resolve from disk. */
export const VIRTUAL_ROOT = fileURLToPath(new URL('../__virtual__/', import.meta.url));

export const COMPILER_OPTIONS: ts.CompilerOptions = {
  strict: true,
  target: ts.ScriptTarget.ES2022,
  module: ts.ModuleKind.NodeNext,
  moduleResolution: ts.ModuleResolutionKind.NodeNext,
  lib: ['lib.es2024.d.ts', 'lib.dom.d.ts'],
  types: ['node'],
  skipLibCheck: true,
  noEmit: true,
};

const libraryFiles = new Map<string, ts.SourceFile>();

/** A program over in-memory `files` (name → text); everything else is read from disk. */
export function createProgram(files: Readonly<Record<string, string>>): { program: ts.Program; paths: string[] } {
  const virtual = new Map(Object.entries(files).map(([name, text]) => [VIRTUAL_ROOT + name, text]));
  const host = ts.createCompilerHost(COMPILER_OPTIONS, true);
  const getSourceFile = host.getSourceFile.bind(host);
  const fileExists = host.fileExists.bind(host);
  const readFile = host.readFile.bind(host);
  host.getSourceFile = (fileName, languageVersion, onError, shouldCreate) => {
    const text = virtual.get(fileName);
    if (text !== undefined) return ts.createSourceFile(fileName, text, languageVersion, true);
    // Library files (lib.*.d.ts, @types/node) never change: parse them once for every test program.
    let cached = libraryFiles.get(fileName);
    if (cached === undefined) {
      cached = getSourceFile(fileName, languageVersion, onError, shouldCreate);
      if (cached !== undefined) libraryFiles.set(fileName, cached);
    }
    return cached;
  };
  host.fileExists = fileName => virtual.has(fileName) || fileExists(fileName);
  host.readFile = fileName => virtual.get(fileName) ?? readFile(fileName);
  const directoryExists = host.directoryExists?.bind(host);
  // The virtual folders exist only in memory; module resolution asks for them before their files.
  host.directoryExists = directory => {
    const folder = directory.endsWith('/') ? directory : `${directory}/`;
    return (
      VIRTUAL_ROOT.startsWith(folder) ||
      [...virtual.keys()].some(path => path.startsWith(folder)) ||
      (directoryExists?.(directory) ?? true)
    );
  };
  const paths = [...virtual.keys()];
  return { program: ts.createProgram(paths, COMPILER_OPTIONS, host), paths };
}

/** The findings of one rule over in-memory files, with paths relative to the virtual root. */
export function findingsOf(
  rule: string,
  files: Readonly<Record<string, string>>,
  options?: Record<string, unknown>,
): Finding[] {
  const { program, paths } = createProgram(files);
  const rules: RuleSettings = { [rule]: { severity: 'error', ...(options === undefined ? {} : { options }) } };
  const errors: unknown[] = [];
  const findings = analyze({
    ts,
    program,
    checks,
    rules,
    files: paths.map(path => program.getSourceFile(path)!),
    onError: error => errors.push(error),
  });
  if (errors.length > 0) throw errors[0];
  return findings.map(finding => ({ ...finding, file: finding.file.slice(VIRTUAL_ROOT.length) }));
}

/** The text after applying `edits` to `text`. */
export function applyEdits(text: string, edits: readonly { start: number; end: number; newText: string }[]): string {
  return [...edits]
    .sort((a, b) => b.start - a.start)
    .reduce((out, edit) => out.slice(0, edit.start) + edit.newText + out.slice(edit.end), text);
}
