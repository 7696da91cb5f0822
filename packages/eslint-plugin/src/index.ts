import { checks, isInPreset, type Preset } from '@memsafe/analyzer';
import type { TSESLint } from '@typescript-eslint/utils';
import { rules } from './rules/index.js';
import { version } from './version.js';

type Plugin = {
  meta: { name: string; version: string };
  rules: typeof rules;
  configs: Record<Preset, TSESLint.FlatConfig.Config>;
};

const plugin: Plugin = {
  meta: { name: '@memsafe/eslint-plugin', version },
  rules,
  configs: {} as Plugin['configs'],
};

/** A flat config that registers the plugin as `memsafe` and turns on the preset's rules. */
function config(preset: Preset): TSESLint.FlatConfig.Config {
  return {
    name: `memsafe/${preset}`,
    plugins: { memsafe: plugin },
    rules: Object.fromEntries(
      checks.filter(check => isInPreset(check, preset)).map(check => [`memsafe/${check.id}`, 'error']),
    ),
  };
}

plugin.configs.recommended = config('recommended');
plugin.configs.strict = config('strict');
plugin.configs.all = config('all');

export default plugin;
export { rules };
