import { analyze, applyDirectives, checks, type Finding, type RuleSettings } from '@memsafe/analyzer';
import type TS from 'typescript';

const byProgram = new WeakMap<TS.Program, Map<string, readonly Finding[]>>();

/**
 * The findings of the enabled checks for one file of the language service's current program,
 * computed once per program version: diagnostics, hovers and code fixes all read them. The plugin
 * never builds a program of its own.
 */
export function findingsFor(
  ts: typeof TS,
  program: TS.Program,
  fileName: string,
  rules: RuleSettings,
  onError: (message: string) => void,
): readonly Finding[] {
  let files = byProgram.get(program);
  if (files === undefined) byProgram.set(program, (files = new Map<string, readonly Finding[]>()));
  const cached = files.get(fileName);
  if (cached !== undefined) return cached;
  const sourceFile = program.getSourceFile(fileName);
  if (sourceFile === undefined || sourceFile.isDeclarationFile) {
    files.set(fileName, []);
    return [];
  }
  const found = analyze({
    ts,
    program,
    checks,
    rules,
    files: [sourceFile],
    onError: (error, check) =>
      onError(
        `memsafe/${check.id} failed on ${fileName}: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`,
      ),
  });
  // The eslint-disable comments written for ESLint silence the editor too, and one not needed is said so.
  const enabled = new Set(Object.keys(rules).filter(id => rules[id]!.severity !== 'off'));
  const { kept, unused } = applyDirectives(ts, sourceFile, found, enabled);
  const shown = [...kept, ...unused];
  files.set(fileName, shown);
  return shown;
}

/** Forgets cached findings, after the options change. */
export function forgetFindings(program: TS.Program | undefined): void {
  if (program !== undefined) byProgram.delete(program);
}
