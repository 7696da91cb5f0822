import { readFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { ConfigError } from '../../config/index.js';
import { parseJsonc } from '../../util/jsonc.js';
import type { ProjectHost } from '../project-host.js';
import { CompilerError } from '../errors.js';
import type { NativeApi, NativeAstModule, NativeProject, NativeSnapshot, NativeSyncModule } from './api.js';
import { nativeTs } from './facade.js';
import { nativeProgram } from './program.js';

/**
 * The CLI's projects on TypeScript 7: each tsconfig opened in the native compiler, one process for
 * the run. TypeScript 7 reads a tsconfig's files and options; its `references`, `files` and
 * `include` as written come from the file itself, which the API does not hand back.
 */
export function nativeProjectHost(
  ast: NativeAstModule,
  sync: NativeSyncModule,
  version: string,
  cwd: string,
): ProjectHost {
  let api: NativeApi | undefined;
  const snapshots: NativeSnapshot[] = [];
  const compiler = () => (api ??= new sync.API({ cwd }));
  let last: NativeProject | undefined;
  return {
    ts: nativeTs(ast, sync),
    version,
    parse(configFile, show) {
      let text: string;
      try {
        text = readFileSync(configFile, 'utf8');
      } catch (error) {
        throw new ConfigError(`cannot read ${show(configFile)}: ${(error as Error).message}`);
      }
      const read = parseJsonc(text);
      if ('error' in read) throw new ConfigError(`${show(configFile)}:${read.line}:${read.column}: ${read.error}`);
      const raw = (typeof read.value === 'object' && read.value !== null ? read.value : {}) as {
        files?: unknown;
        include?: unknown;
        references?: unknown;
        compilerOptions?: { plugins?: unknown };
      };
      let parsed: ReturnType<NativeApi['parseConfigFile']>;
      try {
        parsed = compiler().parseConfigFile(configFile);
      } catch (error) {
        throw new ConfigError(`${show(configFile)}: ${(error as Error).message}`);
      }
      const references = Array.isArray(raw.references)
        ? raw.references.flatMap(reference =>
            typeof reference === 'object' &&
            reference !== null &&
            typeof (reference as { path?: unknown }).path === 'string'
              ? [resolve(dirname(configFile), (reference as { path: string }).path)]
              : [],
          )
        : [];
      return {
        fileNames: parsed.fileNames,
        references,
        // TypeScript 7 leaves `plugins` out of the options it hands back: the file's own entry.
        plugins: (Array.isArray(parsed.options['plugins'])
          ? parsed.options['plugins']
          : Array.isArray(raw.compilerOptions?.plugins)
            ? raw.compilerOptions.plugins
            : []) as readonly Readonly<Record<string, unknown>>[],
        files: raw.files,
        include: raw.include,
      };
    },
    program(configFile) {
      const snapshot = compiler().updateSnapshot({ openProjects: [configFile] });
      snapshots.push(snapshot);
      const project = snapshot.getProject(configFile);
      if (project === undefined) throw new ConfigError(`TypeScript ${version} could not open ${configFile}`);
      last = project;
      return nativeProgram(project);
    },
    confirm() {
      if (last !== undefined) confirmAnswering(last, version);
    },
    close() {
      if (api === undefined) return;
      for (const snapshot of snapshots) disposeQuietly(snapshot);
      endQuietly(api);
    },
  };
}

/**
 * Ends the compiler process without a word on memsafe's stderr, which it shares. TypeScript 7's
 * client ends it with SIGTERM, and a server still busy with work of its own then prints "context
 * canceled" there (once in thirty runs on a loaded machine). The server holds nothing to save, so it
 * is ended with SIGKILL first, where the client's process can be found (the API is unstable: where it
 * cannot, the client's own close() alone).
 */
export function endQuietly(api: NativeApi): void {
  const child = (api as { client?: { channel?: { child?: { kill(signal: string): unknown } } } }).client?.channel
    ?.child;
  try {
    child?.kill('SIGKILL');
    api.close();
  } catch {
    // Already gone.
  }
}

/** Releases a snapshot whose compiler process may have ended, and the snapshot with it. */
export function disposeQuietly(snapshot: NativeSnapshot): void {
  try {
    snapshot.dispose();
  } catch {
    // Gone with the process.
  }
}

/**
 * Asks the compiler process one question about `project`, which fails at once where the process
 * has ended: then the checker's answers since it ended were failures the checks took as unknown.
 */
export function confirmAnswering(project: NativeProject, version: string): void {
  try {
    project.program.getSourceFileNames();
  } catch (error) {
    throw new CompilerError(
      `TypeScript ${version}'s compiler process ended during the check (${error instanceof Error ? error.message : String(error)})`,
    );
  }
}
