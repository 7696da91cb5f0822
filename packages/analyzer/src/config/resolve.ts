import type { Check, Preset } from '../check.js';
import type { RuleSetting, RuleSettings } from '../engine.js';
import type { Severity } from '../finding.js';
import type { MemsafeConfig } from './config-file.js';
import { ConfigError } from './config-error.js';
import { presetRules } from './presets.js';
import { unknownRule } from './rule-entry.js';

/**
 * The rules a run uses: the preset (the command line's, else the file's, else `recommended`), then
 * the file's rules over it, then the command line's `--rule` overrides, as ESLint layers `--rule`
 * over its config.
 */
export function resolveRules(
  checks: readonly Check[],
  config: MemsafeConfig,
  overrides: { readonly preset?: Preset; readonly rules?: readonly string[] } = {},
): RuleSettings {
  const rules = presetRules(checks, overrides.preset ?? config.preset ?? 'recommended');
  for (const [id, setting] of Object.entries(config.rules)) rules[id] = setting;
  return applyRuleOverrides(checks, rules, overrides.rules ?? []);
}

/**
 * Applies `name=off|warn|error` overrides (the CLI's `--rule`), keeping each rule's options. Unknown
 * rule names and severities are a ConfigError that lists the valid ones.
 */
export function applyRuleOverrides(
  checks: readonly Check[],
  base: RuleSettings,
  overrides: readonly string[],
): RuleSettings {
  const rules: Record<string, RuleSetting> = { ...base };
  for (const override of overrides) {
    const match = /^((?:[\w-]+\/)?[\w-]+)=(off|warn|error)$/.exec(override.trim());
    if (match === null) throw new ConfigError(`--rule takes name=off|warn|error, got "${override}"`);
    const name = match[1]!;
    const id = name.startsWith('memsafe/') ? name.slice('memsafe/'.length) : name;
    if (!checks.some(check => check.id === id)) throw new ConfigError(unknownRule(checks, name));
    rules[id] = { ...rules[id], severity: match[2] as Severity | 'off' };
  }
  return rules;
}
