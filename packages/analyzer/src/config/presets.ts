import type { Check, Preset } from '../check.js';
import type { RuleSetting } from '../engine.js';

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

export function isPreset(value: unknown): value is Preset {
  return (PRESETS as readonly unknown[]).includes(value);
}
