import { statSync } from 'node:fs';
import { resolve } from 'node:path';
import {
  checks,
  findConfigFile,
  pluginEntryProblems,
  readConfigFile,
  resolveRules,
  type RuleSettings,
} from '@memsafe/analyzer';
import type TS from 'typescript';

export type Mode = 'diagnostics' | 'hover-only';

/** The plugin entry in tsconfig's `compilerOptions.plugins`, as users write it. */
export interface PluginConfig {
  readonly name?: string;
  /** `diagnostics` (default) reports findings; `hover-only` leaves them to the ESLint extension. */
  readonly mode?: Mode;
  /** The memsafe.config.json to read, relative to the tsconfig; default: the nearest at or above it. */
  readonly configFile?: string;
}

export interface Options {
  readonly mode: Mode;
  readonly rules: RuleSettings;
  /** What is wrong in the configuration: shown in the editor, while the plugin goes on with the rest. */
  readonly problems: readonly string[];
}

/**
 * The options of one project: the plugin entry (mode, where the config file is) and the rules of
 * memsafe.config.json, the file the CLI and ESLint read. The file is read again whenever it changes,
 * so an edit to it reaches the open editor without a restart.
 */
export class ProjectOptions {
  #entry: PluginConfig | undefined;
  #stamp: string | undefined;
  #options: Options | undefined;

  constructor(
    private readonly ts: typeof TS,
    entry: PluginConfig | undefined,
    private readonly directory: string,
  ) {
    this.#entry = entry;
  }

  /** The editor's own settings for the plugin (`onConfigurationChanged`) refine the tsconfig entry. */
  configure(next: PluginConfig | undefined): void {
    this.#entry = { ...this.#entry, ...next };
    this.#stamp = undefined;
  }

  /** The current options; `changed` is true when they differ from the last call's. */
  current(): { options: Options; changed: boolean } {
    const file = this.#configFile();
    const stamp = `${file}:${stampOf(file)}:${JSON.stringify(this.#entry)}`;
    if (this.#options !== undefined && stamp === this.#stamp) return { options: this.#options, changed: false };
    this.#stamp = stamp;
    this.#options = this.#read(file);
    return { options: this.#options, changed: true };
  }

  #configFile(): string | undefined {
    const given = this.#entry?.configFile;
    return typeof given === 'string' ? resolve(this.directory, given) : findConfigFile(this.directory);
  }

  #read(file: string | undefined): Options {
    const entry = this.#entry ?? {};
    const problems = pluginEntryProblems(entry as Readonly<Record<string, unknown>>);
    const mode = entry.mode ?? 'diagnostics';
    const reading = file === undefined ? { config: { rules: {} }, problems: [] } : readConfigFile(checks, file);
    problems.push(...reading.problems);
    return {
      mode: mode === 'hover-only' ? 'hover-only' : 'diagnostics',
      rules: resolveRules(checks, reading.config),
      problems,
    };
  }
}

/** What changes when the file is edited, created or deleted. */
function stampOf(file: string | undefined): string {
  if (file === undefined) return 'none';
  try {
    const { mtimeMs, size } = statSync(file);
    return `${mtimeMs}:${size}`;
  } catch {
    return 'missing';
  }
}
