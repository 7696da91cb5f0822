import { CONFIG_FILE_NAME } from './config-file.js';

/** The package name under which tsconfig's `compilerOptions.plugins` loads memsafe. */
export const TS_PLUGIN_NAME = '@memsafe/ts-plugin';

const ENTRY_KEYS = new Set(['name', 'mode', 'configFile']);

/**
 * What is wrong with memsafe's entry in tsconfig's `compilerOptions.plugins`. The tsserver plugin
 * shows these in the editor; the CLI stops on them, since rules left there would apply in no host
 * and a run would silently differ from what the entry says.
 */
export function pluginEntryProblems(entry: Readonly<Record<string, unknown>>): string[] {
  const problems: string[] = [];
  for (const key of Object.keys(entry)) {
    if (ENTRY_KEYS.has(key)) continue;
    problems.push(
      key === 'rules' || key === 'config'
        ? `"${key}" in the plugin entry of tsconfig.json is not read: rules and the preset go in ${CONFIG_FILE_NAME}, which the CLI and ESLint read too`
        : `the plugin entry of tsconfig.json has no "${key}"; it takes "mode" and "configFile"`,
    );
  }
  const mode = entry['mode'] ?? 'diagnostics';
  if (mode !== 'diagnostics' && mode !== 'hover-only')
    problems.push(`"mode" must be "diagnostics" or "hover-only", got ${JSON.stringify(mode)}`);
  return problems;
}
