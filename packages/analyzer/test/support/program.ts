import ts from 'typescript';
import { analyze, checks, type Finding, type RuleSettings } from '../../src/index.js';
import { createNativeProgram, nativeTypeScript } from './native.js';
import { VIRTUAL_ROOT } from './virtual-root.js';

export { VIRTUAL_ROOT };

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

/**
 * The findings of one rule over in-memory files, with paths relative to the virtual root: found on
 * TypeScript 6 and on TypeScript 7, and an error where the two differ in any way.
 */
export function findingsOf(
  rule: string,
  files: Readonly<Record<string, string>>,
  options?: Record<string, unknown>,
): Finding[] {
  const rules: RuleSettings = { [rule]: { severity: 'error', ...(options === undefined ? {} : { options }) } };
  return findingsOnBoth(files, rules);
}

/** The findings on both compilers, the same or an error; `native` is the `ts` the checks get on TypeScript 7. */
export function findingsOnBoth(
  files: Readonly<Record<string, string>>,
  rules: RuleSettings,
  native: typeof ts = nativeTypeScript,
): Finding[] {
  const classic = findingsOn(ts, createProgram(files), rules);
  const seven = findingsOn(native, createNativeProgram(files), rules);
  const shown = (findings: readonly Finding[]) => JSON.stringify(findings, null, 1);
  if (shown(classic) !== shown(seven))
    throw new Error(`TypeScript 7 finds otherwise than TypeScript 6:\n6: ${shown(classic)}\n7: ${shown(seven)}`);
  return classic;
}

function findingsOn(
  compiler: typeof ts,
  { program, paths }: { program: ts.Program; paths: readonly string[] },
  rules: RuleSettings,
): Finding[] {
  const errors: unknown[] = [];
  const findings = analyze({
    ts: compiler,
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
