import { mkdtempSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import ts from 'typescript';

/** The plugin as tsserver loads it: `require()` of the built CommonJS package. */
export const init = createRequire(import.meta.url)('@memsafe/ts-plugin') as (modules: {
  typescript: typeof ts;
}) => ts.server.PluginModule;

/** Files live here, inside the repository, so that @types/node and @memsafe/runtime resolve from disk. */
export const ROOT = fileURLToPath(new URL('./__virtual__/', import.meta.url));

const OPTIONS: ts.CompilerOptions = {
  strict: true,
  target: ts.ScriptTarget.ES2022,
  module: ts.ModuleKind.NodeNext,
  moduleResolution: ts.ModuleResolutionKind.NodeNext,
  lib: ['lib.es2024.d.ts', 'lib.dom.d.ts'],
  types: ['node'],
  skipLibCheck: true,
};

/** A project directory holding a memsafe.config.json with `text`; returns the directory and the file. */
export function configDirectory(text: string): { directory: string; file: string } {
  const directory = mkdtempSync(join(tmpdir(), 'memsafe-ts-plugin-'));
  const file = join(directory, 'memsafe.config.json');
  writeFileSync(file, text);
  return { directory, file };
}

/** An in-memory LanguageService, with the plugin's view of it: config, logger and the decorated service. */
export function createService(
  files: Record<string, string>,
  config: Record<string, unknown> = {},
  typescript: typeof ts = ts,
  /** The project's directory, where memsafe.config.json is looked up from. */
  directory: string = ROOT,
) {
  const texts = new Map(Object.entries(files).map(([name, text]) => [ROOT + name, text]));
  const versions = new Map<string, number>([...texts.keys()].map(name => [name, 1]));
  const host: ts.LanguageServiceHost = {
    getCompilationSettings: () => OPTIONS,
    getScriptFileNames: () => [...texts.keys()],
    getScriptVersion: name => String(versions.get(name) ?? 1),
    getScriptSnapshot: name => {
      const text = texts.get(name) ?? ts.sys.readFile(name);
      return text === undefined ? undefined : ts.ScriptSnapshot.fromString(text);
    },
    getCurrentDirectory: () => ROOT,
    getDefaultLibFileName: options => ts.getDefaultLibFilePath(options),
    fileExists: name => texts.has(name) || ts.sys.fileExists(name),
    readFile: name => texts.get(name) ?? ts.sys.readFile(name),
    directoryExists: directory =>
      ROOT.startsWith(directory.endsWith('/') ? directory : `${directory}/`) || ts.sys.directoryExists(directory),
    getDirectories: directory => ts.sys.getDirectories(directory),
  };
  const languageService = ts.createLanguageService(host, ts.createDocumentRegistry());
  const logged: string[] = [];
  const info = {
    languageService,
    config: { name: '@memsafe/ts-plugin', ...config },
    project: {
      getCurrentDirectory: () => directory,
      projectService: { logger: { info: (message: string) => logged.push(message) } },
    },
  } as unknown as ts.server.PluginCreateInfo;
  const plugin = init({ typescript });
  const service = plugin.create(info);
  return {
    plugin,
    info,
    service,
    original: languageService,
    logged,
    path: (name: string) => ROOT + name,
    edit(name: string, text: string) {
      texts.set(ROOT + name, text);
      versions.set(ROOT + name, (versions.get(ROOT + name) ?? 1) + 1);
    },
  };
}
