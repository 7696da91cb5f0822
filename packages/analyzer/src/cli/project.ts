import { existsSync, statSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import type TS from 'typescript';
import { ConfigError } from '../config.js';

export interface LoadedProject {
  readonly program: TS.Program;
  readonly files: readonly TS.SourceFile[];
  readonly configFile: string;
}

/** The nearest tsconfig.json at or above `start`. */
export function findConfig(ts: typeof TS, start: string): string | undefined {
  const directory = existsSync(start) && statSync(start).isFile() ? dirname(start) : start;
  return ts.findConfigFile(directory, path => ts.sys.fileExists(path), 'tsconfig.json');
}

/**
 * The program of a tsconfig and the files to analyse in it: all of its own source files, or those
 * under `paths`. A path that matches no file of the project is a ConfigError: silence there would
 * read as "no problems".
 */
export function loadProject(
  ts: typeof TS,
  cwd: string,
  project: string | undefined,
  paths: readonly string[],
): LoadedProject {
  const configFile = project !== undefined ? resolve(cwd, project) : findConfig(ts, resolve(cwd, paths[0] ?? '.'));
  if (configFile === undefined)
    throw new ConfigError(`no tsconfig.json found at or above ${resolve(cwd, paths[0] ?? '.')}; pass one with -p`);
  if (!existsSync(configFile)) throw new ConfigError(`${configFile} does not exist`);
  const read = ts.readConfigFile(configFile, path => ts.sys.readFile(path));
  if (read.error !== undefined)
    throw new ConfigError(
      `cannot read ${configFile}: ${ts.flattenDiagnosticMessageText(read.error.messageText, '\n')}`,
    );
  const parsed = ts.parseJsonConfigFileContent(read.config, ts.sys, dirname(configFile), { noEmit: true }, configFile);
  const fatal = parsed.errors.filter(error => error.category === ts.DiagnosticCategory.Error && error.code !== 18003);
  if (fatal.length > 0)
    throw new ConfigError(`${configFile}: ${ts.flattenDiagnosticMessageText(fatal[0]!.messageText, '\n')}`);
  const program = ts.createProgram({
    rootNames: parsed.fileNames,
    options: parsed.options,
    projectReferences: parsed.projectReferences ?? [],
  });
  const own = program
    .getSourceFiles()
    .filter(file => !file.isDeclarationFile && !program.isSourceFileFromExternalLibrary(file));
  if (paths.length === 0) return { program, files: own, configFile };
  const wanted = paths.map(path => resolve(cwd, path));
  const files = own.filter(file => wanted.some(path => file.fileName === path || file.fileName.startsWith(`${path}/`)));
  for (const path of wanted) {
    if (!existsSync(path)) throw new ConfigError(`${path} does not exist`);
    if (!files.some(file => file.fileName === path || file.fileName.startsWith(`${path}/`))) {
      throw new ConfigError(
        `${path} holds no file of the project ${configFile}; check its "include", or pass another tsconfig with -p`,
      );
    }
  }
  return { program, files, configFile };
}
