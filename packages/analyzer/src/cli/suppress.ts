import { join, resolve } from 'node:path';
import type TS from 'typescript';
import type { RuleSettings } from '../engine.js';
import type { Finding } from '../finding.js';
import {
  applyDirectives,
  applySuppressions,
  pruneSuppressions,
  readSuppressions,
  recordSuppressions,
  SUPPRESSIONS_FILE_NAME,
  writeSuppressions,
} from '../suppressions/index.js';
import type { CliArguments } from './args.js';
import type { LoadedProject } from './project.js';

export interface Suppressed {
  /** What the run reports: findings no suppression covers, and unused directives. */
  readonly reported: Finding[];
  /** What a suppression covers, kept for SARIF's suppressed results. */
  readonly suppressed: Finding[];
  /** ESLint's message when tolerated errors no longer occur and nothing prunes them (exit 2). */
  readonly unpruned: string | undefined;
}

/**
 * The suppressions users already write for ESLint, applied in ESLint's order: the file's
 * `eslint-disable…` comments, then the counts of eslint-suppressions.json, which `--suppress-all`,
 * `--suppress-rule` and `--prune-suppressions` write back in ESLint's format.
 */
export function suppress(
  ts: typeof TS,
  projects: readonly LoadedProject[],
  findings: readonly Finding[],
  rules: RuleSettings,
  args: CliArguments,
  cwd: string,
): Suppressed {
  const enabled = new Set(Object.entries(rules).flatMap(([id, { severity }]) => (severity === 'off' ? [] : [id])));
  const byFile = new Map<string, Finding[]>();
  for (const finding of findings)
    (byFile.get(finding.file) ?? byFile.set(finding.file, []).get(finding.file)!).push(finding);
  const afterDirectives: Finding[] = [];
  const unusedDirectives: Finding[] = [];
  const suppressed: Finding[] = [];
  const checked = projects.flatMap(project => project.files);
  for (const sourceFile of checked) {
    const outcome = applyDirectives(
      ts,
      sourceFile,
      byFile.get(sourceFile.fileName) ?? [],
      enabled,
      args.unusedDirectives,
    );
    afterDirectives.push(...outcome.kept);
    suppressed.push(...outcome.suppressed);
    unusedDirectives.push(...outcome.unused);
  }

  const location = resolve(cwd, args.suppressionsLocation ?? join(cwd, SUPPRESSIONS_FILE_NAME));
  let suppressions = readSuppressions(location);
  const checkedNames = checked.map(file => file.fileName);
  if (args.suppressAll || args.suppressRules.length > 0) {
    suppressions = recordSuppressions(
      suppressions,
      afterDirectives,
      cwd,
      args.suppressAll ? undefined : args.suppressRules,
    );
    writeSuppressions(location, suppressions);
  }
  const bulk = applySuppressions(afterDirectives, suppressions, cwd, checkedNames);
  suppressed.push(...bulk.suppressed);
  let unpruned: string | undefined;
  if (args.pruneSuppressions) {
    writeSuppressions(location, pruneSuppressions(suppressions, bulk.unused, cwd));
  } else if (bulk.unused.length > 0 && !args.passOnUnprunedSuppressions) {
    unpruned =
      'There are suppressions left that do not occur anymore. Consider re-running the command with `--prune-suppressions`.';
  }
  return { reported: [...bulk.kept, ...unusedDirectives], suppressed, unpruned };
}
