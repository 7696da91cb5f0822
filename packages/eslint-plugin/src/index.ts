import { resolve } from 'node:path';
import {
  checks,
  CONFIG_FILE_NAME,
  findConfigFile,
  isInPreset,
  readConfigFile,
  resolveRules,
  type Preset,
  type RuleSettings,
} from '@memsafe/analyzer';
import type { ESLint, Linter } from 'eslint';
import { rules } from './rules/index.js';
import { version } from './version.js';

/**
 * The files memsafe's configs apply to: TypeScript in every module flavour. Type-aware rules cannot
 * run on plain JavaScript without type information, so JavaScript files are left to other configs.
 */
const TYPESCRIPT_FILES = ['**/*.ts', '**/*.tsx', '**/*.mts', '**/*.cts'];

/**
 * The plugin, typed with ESLint's own types (as eslint-plugin-unicorn types itself), so that
 * `defineConfig`, `Linter.Config` and `ESLint.Plugin` take it and its configs as they are.
 */
export interface MemsafePlugin extends ESLint.Plugin {
  meta: { name: string; version: string };
  rules: NonNullable<ESLint.Plugin['rules']>;
  configs: Record<Preset | 'disableTypeChecked', Linter.Config>;
  /**
   * A flat config with the rules of a memsafe.config.json — the file the `memsafe` CLI and the
   * tsserver plugin read — so that ESLint reports with the same severities and options. Without a
   * path, the nearest memsafe.config.json at or above the working directory. A mistake in the file
   * throws, naming it: ESLint then stops with the message rather than lint with other rules.
   */
  fromConfigFile: (file?: string) => Linter.Config;
}

const plugin: MemsafePlugin = {
  meta: { name: '@memsafe/eslint-plugin', version },
  rules: rules as unknown as MemsafePlugin['rules'],
  configs: {} as MemsafePlugin['configs'],
  fromConfigFile,
};

/** A flat config for TypeScript files that registers the plugin as `memsafe` and sets every rule of `settings`. */
function config(name: string, settings: RuleSettings): Linter.Config {
  const entries = Object.entries(settings).map(([id, { severity, options }]): [string, Linter.RuleEntry] => [
    `memsafe/${id}`,
    options === undefined ? severity : [severity, options],
  ]);
  return { name, files: TYPESCRIPT_FILES, plugins: { memsafe: plugin }, rules: Object.fromEntries(entries) };
}

function presetConfig(preset: Preset): Linter.Config {
  const on = checks.filter(check => isInPreset(check, preset)).map(check => [check.id, { severity: 'error' }] as const);
  return config(`memsafe/${preset}`, Object.fromEntries(on));
}

function fromConfigFile(file?: string): Linter.Config {
  const path = file === undefined ? findConfigFile(process.cwd()) : resolve(file);
  if (path === undefined)
    throw new Error(
      `memsafe: no ${CONFIG_FILE_NAME} at or above ${process.cwd()}; create one, or pass its path to memsafe.fromConfigFile()`,
    );
  const { config: read, problems } = readConfigFile(checks, path);
  if (problems.length > 0) throw new Error(`memsafe: ${problems.join('\n')}`);
  return config('memsafe/config-file', resolveRules(checks, read));
}

plugin.configs.recommended = presetConfig('recommended');
plugin.configs.strict = presetConfig('strict');
plugin.configs.all = presetConfig('all');
/** Every rule off, for files without type information (JavaScript), as typescript-eslint's own. */
plugin.configs.disableTypeChecked = {
  name: 'memsafe/disable-type-checked',
  rules: Object.fromEntries(checks.map(check => [`memsafe/${check.id}`, 'off'])),
};

export default plugin;
