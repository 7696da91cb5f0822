import { existsSync, statSync } from 'node:fs';
import { dirname, isAbsolute, join, relative, resolve } from 'node:path';
import type TS from 'typescript';
import type { ParsedTsconfig, ProjectHost } from '../compiler/project-host.js';
import { ConfigError, pluginEntryProblems, TS_PLUGIN_NAME } from '../config/index.js';
import { nearestFile } from '../util/nearest-file.js';

export interface LoadedProject {
  readonly program: TS.Program;
  /** The files to analyse in this program: its own, not already analysed in a project it references. */
  readonly files: readonly TS.SourceFile[];
  readonly configFile: string;
}

/** The nearest tsconfig.json at or above `start`. */
export function findConfig(start: string): string | undefined {
  return nearestFile(start, 'tsconfig.json');
}

/**
 * The projects to analyse, as `tsc -b` builds them: each project a tsconfig references (depth first,
 * once each), then the tsconfig's own files. A file two projects hold is analysed in the first.
 * Narrowed to the files under `paths` when there are any.
 *
 * Checking nothing is a ConfigError, never a clean run: a path that matches no file, or a tsconfig
 * whose `files`, `include` and `references` together hold no file (a solution tsconfig pointing at
 * the wrong place), names what matched nothing.
 */
export function loadProjects(
  host: ProjectHost,
  cwd: string,
  rootConfig: string,
  paths: readonly string[],
): LoadedProject[] {
  const show = shownFrom(cwd);
  const wanted = paths.map(path => resolve(cwd, path));
  for (const path of wanted) if (!existsSync(path)) throw new ConfigError(`${show(path)} does not exist`);
  const isWanted = (fileName: string): boolean =>
    wanted.length === 0 || wanted.some(path => fileName === path || fileName.startsWith(`${path}/`));

  const projects: LoadedProject[] = [];
  const emptyProjects: string[] = [];
  const visited = new Set<string>();
  const analysed = new Set<string>();
  const visit = (configFile: string, referencedFrom: string | undefined): void => {
    if (visited.has(configFile)) return;
    visited.add(configFile);
    if (!existsSync(configFile)) {
      throw new ConfigError(
        referencedFrom === undefined
          ? `${show(configFile)} does not exist`
          : `${show(referencedFrom)} references ${show(configFile)}, which does not exist`,
      );
    }
    const parsed = host.parse(configFile, show);
    const entry = parsed.plugins.find(plugin => plugin['name'] === TS_PLUGIN_NAME);
    const problems = entry === undefined ? [] : pluginEntryProblems(entry);
    if (problems.length > 0)
      throw new ConfigError(problems.map(problem => `${show(configFile)}: ${problem}`).join('\n'));
    for (const reference of parsed.references) visit(resolveConfigPath(referencedConfig(reference)), configFile);
    if (parsed.fileNames.length === 0) {
      if (parsed.references.length === 0) emptyProjects.push(describeInputs(parsed, configFile, show));
      return;
    }
    const program = host.program(configFile, parsed);
    const own = program
      .getSourceFiles()
      .filter(file => !file.isDeclarationFile && !program.isSourceFileFromExternalLibrary(file));
    if (own.length === 0)
      emptyProjects.push(`${show(configFile)}: its ${parsed.fileNames.length} files are all declaration files`);
    const files = own.filter(file => !analysed.has(file.fileName) && isWanted(file.fileName));
    for (const file of files) analysed.add(file.fileName);
    if (files.length > 0) projects.push({ program, files, configFile });
  };
  visit(rootConfig, undefined);

  for (const path of wanted) {
    if (![...analysed].some(file => file === path || file.startsWith(`${path}/`))) {
      throw new ConfigError(
        `${show(path)} holds no file of ${describeProjects(rootConfig, visited.size, show)}; check "include", or pass another tsconfig with -p`,
      );
    }
  }
  if (projects.length === 0) {
    throw new ConfigError(
      [`no file to check in ${describeProjects(rootConfig, visited.size, show)}:`, ...emptyProjects].join('\n  '),
    );
  }
  return projects;
}

/** The tsconfig a run starts from: `-p` (a file or a directory), else the nearest to the first path or `cwd`. */
export function rootTsconfig(cwd: string, project: string | undefined, paths: readonly string[]): string {
  const start = resolve(cwd, paths[0] ?? '.');
  const found = project !== undefined ? resolveConfigPath(resolve(cwd, project)) : findConfig(start);
  if (found === undefined)
    throw new ConfigError(`no tsconfig.json found at or above ${shownFrom(cwd)(start)}; pass one with -p`);
  if (!existsSync(found)) throw new ConfigError(`${shownFrom(cwd)(found)} does not exist`);
  return found;
}

/** A path as messages show it: relative to `cwd` when it is under it. */
export function shownFrom(cwd: string): (path: string) => string {
  return path => {
    const shown = relative(cwd, path);
    return shown === '' ? '.' : shown.startsWith('..') || isAbsolute(shown) ? path : shown;
  };
}

/** A directory given with -p or in `references` stands for the tsconfig.json in it, as in tsc. */
function resolveConfigPath(path: string): string {
  return existsSync(path) && statSync(path).isDirectory() ? join(path, 'tsconfig.json') : path;
}

/** A reference's path names a tsconfig, or the directory of one: `tsc`'s resolveProjectReferencePath. */
function referencedConfig(path: string): string {
  return path.endsWith('.json') ? path : join(path, 'tsconfig.json');
}

/** Why a tsconfig holds no file, in the words of its own `files` and `include`. */
function describeInputs(parsed: ParsedTsconfig, configFile: string, show: (path: string) => string): string {
  const { files, include } = parsed;
  const parts: string[] = [];
  if (Array.isArray(files) && files.length === 0) parts.push('"files" is empty');
  else if (files !== undefined) parts.push(`"files" ${JSON.stringify(files)} matched no file`);
  // With neither, TypeScript includes everything under the tsconfig's directory.
  if (include !== undefined || files === undefined)
    parts.push(`"include" ${JSON.stringify(include ?? ['**/*'])} matched no file under ${show(dirname(configFile))}`);
  return `${show(configFile)}: ${parts.join(' and ')}, and there are no "references"`;
}

function describeProjects(rootConfig: string, count: number, show: (path: string) => string): string {
  return count > 1
    ? `${show(rootConfig)} or the ${count - 1} ${count === 2 ? 'project' : 'projects'} it references`
    : show(rootConfig);
}
