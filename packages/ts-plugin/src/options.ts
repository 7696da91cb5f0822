import {
  applyRuleOverrides,
  checks,
  isPreset,
  presetRules,
  type Preset,
  type RuleSetting,
  type RuleSettings,
} from '@memsafe/analyzer';

export type Mode = 'diagnostics' | 'hover-only';

/** The plugin entry in tsconfig's `compilerOptions.plugins`, as users write it. */
export interface PluginConfig {
  readonly name?: string;
  /** `diagnostics` (default) reports findings; `hover-only` leaves them to the ESLint extension. */
  readonly mode?: Mode;
  /** The preset to start from, as the ESLint configs and the CLI name them. */
  readonly config?: Preset;
  /** Per rule, the ESLint form: `"error"`, `"off"`, `["warn", { …options }]`. */
  readonly rules?: Readonly<Record<string, unknown>>;
}

export interface Options {
  readonly mode: Mode;
  readonly rules: RuleSettings;
  /** What was wrong in the configuration, for the log: the plugin keeps going with the rest. */
  readonly problems: readonly string[];
}

/** Plugin options in ESLint's vocabulary: the same rule names, severities and options. */
export function readOptions(config: PluginConfig | undefined): Options {
  const problems: string[] = [];
  const mode = config?.mode ?? 'diagnostics';
  if (mode !== 'diagnostics' && mode !== 'hover-only')
    problems.push(`mode must be "diagnostics" or "hover-only", got ${JSON.stringify(mode)}`);
  const preset = config?.config ?? 'recommended';
  if (!isPreset(preset)) problems.push(`config must be recommended, strict or all, got ${JSON.stringify(preset)}`);
  let rules: Record<string, RuleSetting> = { ...presetRules(checks, isPreset(preset) ? preset : 'recommended') };
  for (const [name, entry] of Object.entries(config?.rules ?? {})) {
    const id = name.replace(/^memsafe\//, '');
    const [severity, options] = Array.isArray(entry) ? (entry as unknown[]) : [entry];
    try {
      rules = { ...applyRuleOverrides(checks, rules, [`${id}=${String(severity)}`]) };
    } catch (error) {
      problems.push((error as Error).message);
      continue;
    }
    if (options !== undefined && typeof options === 'object')
      rules[id] = { ...rules[id]!, options: options as Record<string, unknown> };
  }
  return { mode: mode === 'hover-only' ? 'hover-only' : 'diagnostics', rules, problems };
}
