import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join, relative } from 'node:path';
import { pathToFileURL } from 'node:url';
import type TS from 'typescript';
import { classicDocumentHost } from './classic/document-host.js';
import { classicProjectHost } from './classic/host.js';
import type { DocumentHost } from './document-host.js';
import { CompilerError } from './errors.js';
import type { NativeAstModule, NativeSyncModule } from './native/api.js';
import { nativeDocumentHost } from './native/document-host.js';
import { nativeProjectHost } from './native/host.js';
import type { ProjectHost } from './project-host.js';

/** The TypeScript found: the classic compiler API, or TypeScript 7's two API modules. */
export type TypeScriptModules =
  | { readonly kind: 'classic'; readonly version: string; readonly ts: typeof TS }
  | {
      readonly kind: 'native';
      readonly version: string;
      readonly ast: NativeAstModule;
      readonly sync: NativeSyncModule;
    };

export { CompilerError };

/**
 * The versions memsafe runs on, as messages name them. TypeScript 7's JavaScript API is marked
 * unstable: memsafe takes the minor version it is tested on, and refuses a later one rather than
 * misread it.
 */
export const SUPPORTED_VERSIONS = '5.5 to 6.0, or 7.0';

/**
 * Loads the TypeScript the project has installed, resolved from each of `from` in turn (the
 * project's directory first, then memsafe's own), never a copy of memsafe's choosing. TypeScript 7
 * is a set of ES modules, which only an ES module's `import()` reaches: `importModule` is the
 * caller's.
 */
export async function loadCompiler(
  from: readonly string[],
  importModule: (url: string) => Promise<unknown>,
): Promise<ProjectHost> {
  return hostOf(await loadTypeScript(from, importModule), from, classicProjectHost, nativeProjectHost);
}

/** The same TypeScript, for `memsafe lsp`: programs over the documents an editor has open. */
export async function loadDocumentCompiler(
  from: readonly string[],
  importModule: (url: string) => Promise<unknown>,
): Promise<DocumentHost> {
  return hostOf(await loadTypeScript(from, importModule), from, classicDocumentHost, nativeDocumentHost);
}

/** The host of one kind on the TypeScript found, which names the version as its package.json does. */
function hostOf<Host extends { readonly version: string }>(
  modules: TypeScriptModules,
  from: readonly string[],
  classic: (ts: typeof TS) => Host,
  native: (ast: NativeAstModule, sync: NativeSyncModule, version: string, cwd: string) => Host,
): Host {
  return modules.kind === 'classic'
    ? { ...classic(modules.ts), version: modules.version }
    : native(modules.ast, modules.sync, modules.version, from[0] ?? process.cwd());
}

/** Finds and loads the TypeScript the project has installed; a CompilerError where it cannot be used. */
export async function loadTypeScript(
  from: readonly string[],
  importModule: (url: string) => Promise<unknown>,
): Promise<TypeScriptModules> {
  const found = locate(from);
  if (found === undefined) throw new CompilerError('no TypeScript is installed here; install it: npm i -D typescript');
  const { require, version } = found;
  const location = relative(from[0] ?? '.', found.location) || '.';
  const [major = 0, minor = 0] = version.split('.').map(Number);
  const named = `TypeScript ${version} (${location})`;
  if (major < 5 || (major === 5 && minor < 5))
    throw new CompilerError(
      `${named} is older than memsafe supports (${SUPPORTED_VERSIONS}); install a newer one: npm i -D typescript`,
    );
  if (major > 7 || (major === 7 && minor > 0) || (major === 6 && minor > 0))
    throw new CompilerError(
      `${named} is newer than memsafe supports (${SUPPORTED_VERSIONS}); install one of those: npm i -D typescript@7.0`,
    );
  // The first line of Node's message: a "Require stack" after it names memsafe's own files.
  const loading = (error: unknown) =>
    new CompilerError(
      `${named} cannot be loaded: ${(error instanceof Error ? error.message : String(error)).split('\n')[0]}; reinstall it`,
    );
  if (major === 7) {
    let modules: [unknown, unknown];
    try {
      modules = await Promise.all(
        ['typescript/unstable/ast', 'typescript/unstable/sync'].map(name =>
          importModule(pathToFileURL(require.resolve(name)).href),
        ) as [Promise<unknown>, Promise<unknown>],
      );
    } catch (error) {
      throw loading(error);
    }
    const [ast, sync] = modules as [NativeAstModule, NativeSyncModule];
    if (typeof sync.API !== 'function' || typeof ast.SyntaxKind !== 'object')
      throw new CompilerError(`${named} has no JavaScript API (no API in typescript/unstable/sync); reinstall it`);
    return { kind: 'native', version, ast, sync };
  }
  let ts: typeof TS;
  try {
    ts = require('typescript') as typeof TS;
  } catch (error) {
    throw loading(error);
  }
  if (typeof ts.createProgram !== 'function' || typeof ts.findConfigFile !== 'function')
    throw new CompilerError(`${named} has no compiler API (no createProgram); reinstall it`);
  return { kind: 'classic', version, ts };
}

function locate(from: readonly string[]): { require: NodeJS.Require; location: string; version: string } | undefined {
  for (const directory of from) {
    // A file name inside the directory makes Node resolve as a module there would.
    const require = createRequire(join(directory, '__memsafe__.js'));
    let manifest: string;
    try {
      manifest = require.resolve('typescript/package.json');
    } catch {
      continue;
    }
    const { version } = JSON.parse(readFileSync(manifest, 'utf8')) as { version?: unknown };
    if (typeof version !== 'string') continue;
    return { require, location: dirname(manifest), version };
  }
  return undefined;
}
