import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { relative, resolve, sep } from 'node:path';
import { ConfigError } from '../config/config-error.js';
import type { Finding } from '../finding.js';

/** ESLint's bulk suppressions file, which memsafe reads and writes in ESLint's format. */
export const SUPPRESSIONS_FILE_NAME = 'eslint-suppressions.json';

/** By file (relative to the working directory, `/`-separated), then by rule id, the errors tolerated. */
export type Suppressions = Record<string, Record<string, { count: number }>>;

export interface UnusedSuppression {
  readonly file: string;
  readonly rule: string;
  /** How many of the tolerated errors no longer occur. */
  readonly count: number;
}

export function readSuppressions(file: string): Suppressions {
  if (!existsSync(file)) return {};
  try {
    const parsed = JSON.parse(readFileSync(file, 'utf8')) as unknown;
    if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) throw new Error('not an object');
    return parsed as Suppressions;
  } catch (error) {
    throw new ConfigError(`cannot read the suppressions file ${file}: ${(error as Error).message}`);
  }
}

/** Sorted keys and two spaces, as ESLint writes it, so that the two tools' writes differ only in content. */
export function writeSuppressions(file: string, suppressions: Suppressions): void {
  const sorted = (value: unknown): unknown =>
    typeof value === 'object' && value !== null && !Array.isArray(value)
      ? Object.fromEntries(
          Object.keys(value)
            .sort()
            .map(key => [key, sorted((value as Record<string, unknown>)[key])]),
        )
      : value;
  writeFileSync(file, JSON.stringify(sorted(suppressions), null, 2));
}

const keyOf = (cwd: string, file: string): string => relative(cwd, file).split(sep).join('/');

const errorCounts = (findings: readonly Finding[], cwd: string): Map<string, Map<string, number>> => {
  const counts = new Map<string, Map<string, number>>();
  for (const finding of findings) {
    if (finding.severity !== 'error') continue;
    const byRule = counts.get(keyOf(cwd, finding.file)) ?? new Map<string, number>();
    counts.set(keyOf(cwd, finding.file), byRule);
    const rule = `memsafe/${finding.rule}`;
    byRule.set(rule, (byRule.get(rule) ?? 0) + 1);
  }
  return counts;
};

/**
 * ESLint's rule: the errors of a rule in a file are all suppressed while there are no more of them
 * than the file tolerates, and all reported once there are more (which ones are new cannot be told).
 * Warnings are never suppressed. Entries for memsafe rules in the files checked that match fewer
 * errors than they tolerate are unused; other plugins' entries are left to ESLint.
 */
export function applySuppressions(
  findings: readonly Finding[],
  suppressions: Suppressions,
  cwd: string,
  checkedFiles: readonly string[],
): { kept: Finding[]; suppressed: Finding[]; unused: UnusedSuppression[] } {
  const counts = errorCounts(findings, cwd);
  const kept: Finding[] = [];
  const suppressed: Finding[] = [];
  for (const finding of findings) {
    const key = keyOf(cwd, finding.file);
    const rule = `memsafe/${finding.rule}`;
    const tolerated = suppressions[key]?.[rule]?.count ?? 0;
    if (finding.severity === 'error' && counts.get(key)!.get(rule)! <= tolerated)
      suppressed.push({ ...finding, suppressions: [{ kind: 'file', justification: '' }] });
    else kept.push(finding);
  }
  const unused: UnusedSuppression[] = [];
  for (const file of checkedFiles) {
    const key = keyOf(cwd, file);
    for (const [rule, { count }] of Object.entries(suppressions[key] ?? {})) {
      if (!rule.startsWith('memsafe/')) continue;
      const found = counts.get(key)?.get(rule) ?? 0;
      if (found < count) unused.push({ file: key, rule, count: count - found });
    }
  }
  return { kept, suppressed, unused };
}

/** `--suppress-all` / `--suppress-rule`: tolerate every current error of the given rules (all memsafe rules by default). */
export function recordSuppressions(
  suppressions: Suppressions,
  findings: readonly Finding[],
  cwd: string,
  rules?: readonly string[],
): Suppressions {
  const next = structuredClone(suppressions);
  for (const [file, byRule] of errorCounts(findings, cwd)) {
    for (const [rule, count] of byRule) {
      if (rules !== undefined && !rules.includes(rule)) continue;
      (next[file] ??= {})[rule] = { count };
    }
  }
  return next;
}

/** `--prune-suppressions`: lowers or removes what no longer occurs, and drops files that are gone. */
export function pruneSuppressions(
  suppressions: Suppressions,
  unused: readonly UnusedSuppression[],
  cwd: string,
): Suppressions {
  const next = structuredClone(suppressions);
  for (const { file, rule, count } of unused) {
    const entry = next[file]?.[rule];
    if (entry === undefined) continue;
    if (entry.count <= count) delete next[file]![rule];
    else entry.count -= count;
    if (Object.keys(next[file]!).length === 0) delete next[file];
  }
  for (const file of Object.keys(next)) if (!existsSync(resolve(cwd, file))) delete next[file];
  return next;
}
