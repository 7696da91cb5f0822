import { readFileSync } from 'node:fs';
import type { Check, Preset } from '../check.js';
import type { RuleSetting } from '../engine.js';
import { isPreset, PRESETS } from './presets.js';
import { parseJsonc } from '../util/jsonc.js';
import { nearestFile } from '../util/nearest-file.js';
import { readRuleEntry } from './rule-entry.js';

/** The one configuration every host reads: the CLI, the tsserver plugin and `memsafe.fromConfigFile` in ESLint. */
export const CONFIG_FILE_NAME = 'memsafe.config.json';

/** The diagnostic code editors show for a mistake in the configuration (the rules have 91001…). */
export const CONFIG_PROBLEM_CODE = 91000;

/** What a memsafe.config.json says: a preset and, per rule, a severity and options as ESLint writes them. */
export interface MemsafeConfig {
  readonly preset?: Preset;
  /** By rule id, without the `memsafe/` prefix. */
  readonly rules: Readonly<Record<string, RuleSetting>>;
}

export interface ConfigReading {
  readonly config: MemsafeConfig;
  /** Each mistake, prefixed with the file: the CLI refuses to run with any; an editor shows them and goes on. */
  readonly problems: readonly string[];
}

const KEYS = ['$schema', 'preset', 'rules'];

/** The nearest memsafe.config.json at or above `directory`. */
export function findConfigFile(directory: string): string | undefined {
  return nearestFile(directory, CONFIG_FILE_NAME);
}

/** Reads and checks `file`; problems name it as `shownAs` (a path relative to where the user stands). */
export function readConfigFile(checks: readonly Check[], file: string, shownAs: string = file): ConfigReading {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (error) {
    return { config: { rules: {} }, problems: [`cannot read ${shownAs}: ${(error as Error).message}`] };
  }
  return parseConfig(checks, text, shownAs);
}

/** The configuration in `text`: JSON with comments and trailing commas, read as TypeScript reads tsconfig.json. */
export function parseConfig(checks: readonly Check[], text: string, file: string): ConfigReading {
  const parsed = parseJsonc(text);
  if ('error' in parsed)
    return { config: { rules: {} }, problems: [`${file}:${parsed.line}:${parsed.column}: ${parsed.error}`] };
  const raw = parsed.value;
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw))
    return { config: { rules: {} }, problems: [`${file}: must hold an object, got ${JSON.stringify(raw)}`] };
  const problems: string[] = [];
  const { preset, rules: entries = {} } = raw as { preset?: unknown; rules?: unknown };
  for (const key of Object.keys(raw))
    if (!KEYS.includes(key)) problems.push(`${file}: unknown key "${key}"; the keys are "preset" and "rules"`);
  if (preset !== undefined && !isPreset(preset))
    problems.push(
      `${file}: "preset" must be ${PRESETS.map(name => `"${name}"`).join(', ')}; got ${JSON.stringify(preset)}`,
    );
  const rules: Record<string, RuleSetting> = {};
  if (typeof entries !== 'object' || entries === null || Array.isArray(entries)) {
    problems.push(`${file}: "rules" must be an object of rule names, got ${JSON.stringify(entries)}`);
  } else {
    for (const [name, entry] of Object.entries(entries)) {
      const reading = readRuleEntry(checks, name, entry);
      if (reading.problems !== undefined) problems.push(...reading.problems.map(problem => `${file}: ${problem}`));
      else rules[reading.id] = reading.setting;
    }
  }
  return { config: { ...(isPreset(preset) ? { preset } : {}), rules }, problems };
}
