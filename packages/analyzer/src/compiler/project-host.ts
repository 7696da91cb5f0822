import type TS from 'typescript';

/** A tsconfig as the CLI follows it: its files after `extends`, the projects it references, its plugins. */
export interface ParsedTsconfig {
  readonly fileNames: readonly string[];
  /** Each referenced tsconfig's path, as written (a directory stands for the tsconfig.json in it). */
  readonly references: readonly string[];
  readonly plugins: readonly Readonly<Record<string, unknown>>[];
  /** `files` and `include` as the file itself writes them, to say why nothing matched. */
  readonly files: unknown;
  readonly include: unknown;
}

/**
 * What the CLI asks of a compiler to load the projects of a run, on TypeScript 6 (the classic API)
 * or 7 (its JavaScript API over the native compiler). A mistake in a tsconfig is a ConfigError.
 */
export interface ProjectHost {
  /** The `ts` the checks are given. */
  readonly ts: typeof TS;
  readonly version: string;
  parse(configFile: string, show: (path: string) => string): ParsedTsconfig;
  program(configFile: string, parsed: ParsedTsconfig): TS.Program;
  /**
   * Throws a CompilerError when the answers about the programs may be wrong: TypeScript 7's
   * compiler process ended under them (its checker's questions then failed, and the checks took
   * them as unknown), so the run must not report its findings as complete.
   */
  confirm(): void;
  /** Ends the compiler process, where there is one. */
  close(): void;
}
