import type { Check, Preset } from './check.js';
import type { RuleSetting, RuleSettings } from './engine.js';
import type { Severity } from './finding.js';

export const PRESETS: readonly Preset[] = ['recommended', 'strict', 'all'];

const INCLUDES: Readonly<Record<Preset, readonly Preset[]>> = {
  recommended: ['recommended'],
  strict: ['recommended', 'strict'],
  all: ['recommended', 'strict', 'all'],
};

/** Whether `preset` turns `check` on: `recommended` checks are in every preset, `strict` ones in strict and all. */
export function isInPreset(check: Check, preset: Preset): boolean {
  return INCLUDES[preset].includes(check.preset);
}

/** The rules a preset turns on, all at `error`: the same sets as the ESLint configs. */
export function presetRules(checks: readonly Check[], preset: Preset): Record<string, RuleSetting> {
  const rules: Record<string, RuleSetting> = {};
  for (const check of checks) rules[check.id] = { severity: isInPreset(check, preset) ? 'error' : 'off' };
  return rules;
}

export class ConfigError extends Error {
  override readonly name = 'ConfigError';
}

/**
 * Applies `name=off|warn|error` overrides (the CLI's `--rule`) to a preset. Unknown rule names
 * and severities are a ConfigError that lists the valid ones.
 */
export function applyRuleOverrides(
  checks: readonly Check[],
  base: RuleSettings,
  overrides: readonly string[],
): RuleSettings {
  const rules: Record<string, RuleSetting> = { ...base };
  const ids = checks.map(check => check.id);
  for (const override of overrides) {
    const match = /^([\w-]+?)(?:\/([\w-]+))?=(off|warn|error)$/.exec(override.trim());
    if (match === null) throw new ConfigError(`--rule takes name=off|warn|error, got "${override}"`);
    const id = match[2] ?? match[1]!;
    if (match[2] !== undefined && match[1] !== 'memsafe')
      throw new ConfigError(`unknown rule "${match[1]}/${id}": memsafe's rules are ${ids.join(', ')}`);
    if (!ids.includes(id)) throw new ConfigError(`unknown rule "${id}": memsafe's rules are ${ids.join(', ')}`);
    rules[id] = { ...rules[id], severity: match[3] as Severity | 'off' };
  }
  return rules;
}

export function isPreset(value: string): value is Preset {
  return (PRESETS as readonly string[]).includes(value);
}
