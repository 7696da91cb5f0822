import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join, relative } from 'node:path';
import type TS from 'typescript';

/** The TypeScript memsafe runs on: the classic compiler API, 5.5 to 6.0. */
export interface LoadedCompiler {
  readonly version: string;
  /** Where it was found, as the project's directory sees it: `node_modules/typescript`. */
  readonly location: string;
  readonly ts: typeof TS;
}

/** What to tell a user who has no TypeScript memsafe can use. */
export const INSTALL_HINT = 'install TypeScript 6 beside it: npm i -D typescript@6';

/** The versions memsafe runs on, as messages name them. */
export const SUPPORTED_VERSIONS = '5.5 to 6.0';

/** A TypeScript that is missing, too old, too new or broken: the CLI's exit 2, with these words. */
export class CompilerError extends Error {
  override readonly name = 'CompilerError';
}

/**
 * Loads the TypeScript the project has installed: resolved from each of `from` in turn (the
 * project's directory first, then memsafe's own), never a copy of memsafe's choosing.
 */
export function loadCompiler(from: readonly string[]): LoadedCompiler {
  const found = locate(from);
  if (found === undefined) throw new CompilerError(`no TypeScript is installed here; ${INSTALL_HINT}`);
  const { require, version } = found;
  const location = relative(from[0] ?? '.', found.location) || '.';
  const [major = 0, minor = 0] = version.split('.').map(Number);
  const named = `TypeScript ${version} (${location})`;
  if (major < 5 || (major === 5 && minor < 5))
    throw new CompilerError(`${named} is older than memsafe supports (${SUPPORTED_VERSIONS}); ${INSTALL_HINT}`);
  if (major === 7 && minor === 0) {
    throw new CompilerError(
      `${named} is the native compiler, whose JavaScript API memsafe does not use yet; ${INSTALL_HINT}` +
        ' under its own name, or run memsafe where typescript is 6',
    );
  }
  if (major > 6 || (major === 6 && minor > 0))
    throw new CompilerError(`${named} is newer than memsafe supports (${SUPPORTED_VERSIONS}); ${INSTALL_HINT}`);
  let ts: typeof TS;
  try {
    ts = require('typescript') as typeof TS;
  } catch (error) {
    throw new CompilerError(`${named} cannot be loaded: ${describe(error)}; reinstall it`);
  }
  if (typeof ts.createProgram !== 'function' || typeof ts.findConfigFile !== 'function')
    throw new CompilerError(`${named} has no compiler API (no createProgram); reinstall it`);
  return { version, location, ts };
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

function describe(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
