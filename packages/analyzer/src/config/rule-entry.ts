import type { Check } from '../check.js';
import type { RuleSetting } from '../engine.js';
import type { Severity } from '../finding.js';
import { optionsProblems } from './options-schema.js';

/** ESLint's words for a severity, numbers included. */
const SEVERITIES: Readonly<Record<string, Severity | 'off'>> = {
  off: 'off',
  warn: 'warn',
  error: 'error',
  0: 'off',
  1: 'warn',
  2: 'error',
};

export type RuleEntryReading =
  | { readonly id: string; readonly setting: RuleSetting; readonly problems?: undefined }
  | { readonly problems: readonly string[] };

/**
 * One rule as ESLint's flat config writes it — `"warn"`, `2`, `["error", { …options }]` — under its
 * name with or without `memsafe/`. Options are checked against the rule's schema, as ESLint checks them.
 */
export function readRuleEntry(checks: readonly Check[], name: string, entry: unknown): RuleEntryReading {
  const id = name.startsWith('memsafe/') ? name.slice('memsafe/'.length) : name;
  const check = checks.find(candidate => candidate.id === id);
  if (check === undefined) return { problems: [unknownRule(checks, name)] };
  const [level, options, ...extra] = Array.isArray(entry) ? (entry as unknown[]) : [entry];
  const severity = typeof level === 'string' || typeof level === 'number' ? SEVERITIES[level] : undefined;
  if (severity === undefined)
    return {
      problems: [
        `"${name}" must be "off", "warn" or "error" (or 0, 1, 2), alone or first in an array; got ${JSON.stringify(level)}`,
      ],
    };
  if (extra.length > 0)
    return { problems: [`"${name}" takes one options object after the severity, got ${extra.length + 1}`] };
  if (options === undefined) return { id, setting: { severity } };
  const problems = optionsProblems(check.optionsSchema, options, `the options of "${name}"`);
  if (problems.length > 0) return { problems };
  return { id, setting: { severity, options: options as Record<string, unknown> } };
}

export function unknownRule(checks: readonly Check[], name: string): string {
  return `unknown rule "${name}": memsafe's rules are ${checks.map(check => check.id).join(', ')}`;
}
