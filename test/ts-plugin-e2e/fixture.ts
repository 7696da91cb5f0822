/**
 * The fixture project of the editor e2e tests, installed the way a user installs memsafe: `npm pack`
 * of the workspace packages, then `npm install --prefer-offline <tarballs> typescript@X @types/node@Y`
 * in a copy of fixtures/project (the approach of test/eslint-e2e/eslint-cli.test.ts, whose helpers live
 * in a test file and so cannot be imported from here). X and Y are the versions in the repo's own
 * node_modules, whose tarballs `npm ci` put in the npm cache. `npm ci` caches no package metadata, so a
 * fresh machine's first install reads the versions' metadata from the registry (which `npm ci` itself
 * needs); tarballs always come from the cache.
 *
 * The packages must be built first (`npm run build`, which `npm test` runs): `npm pack` ships dist/.
 */
import { execFile } from 'node:child_process';
import { cpSync, existsSync, mkdtempSync, readFileSync } from 'node:fs';
import { rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

export const root = fileURLToPath(new URL('../..', import.meta.url));
const fixtures = fileURLToPath(new URL('fixtures', import.meta.url));
/** What the plugin needs at run time: itself, the analyzer it depends on, and the runtime the fixture imports. */
const workspaces = ['runtime', 'analyzer', 'ts-plugin'] as const;
const toolchain = ['typescript', '@types/node'] as const;

export interface Run {
  code: number;
  stdout: string;
  stderr: string;
}

/** Runs a command to completion (no shell); never rejects on a non-zero exit code. */
export function run(
  file: string,
  args: readonly string[],
  cwd: string,
  env: NodeJS.ProcessEnv = cleanEnv(),
): Promise<Run> {
  return new Promise(resolve => {
    execFile(file, args, { cwd, env, encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 }, (error, stdout, stderr) => {
      const code = error === null ? 0 : typeof error.code === 'number' ? error.code : -1;
      resolve({ code, stdout, stderr: error !== null && code === -1 ? `${stderr}\n${error.message}` : stderr });
    });
  });
}

/**
 * The environment without what `npm test` / `npm run` exports: `npm_config_local_prefix` (the repo
 * root) and friends would make a nested `npm install` act on the monorepo instead of the fixture.
 */
export function cleanEnv(): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = { ...process.env, NO_COLOR: '1', FORCE_COLOR: '0' };
  for (const key of Object.keys(env)) {
    if (
      /^(npm_(package_|lifecycle_|command$|config_(local_prefix|prefix|global_prefix|global|workspaces?|include_workspace_root)$)|init_cwd$)/i.test(
        key,
      )
    )
      delete env[key];
  }
  return env;
}

export function repoVersion(name: string): string {
  const manifest = JSON.parse(readFileSync(join(root, 'node_modules', name, 'package.json'), 'utf8')) as {
    version: string;
  };
  return manifest.version;
}

function expectOk(result: Run, what: string): void {
  if (result.code !== 0)
    throw new Error(`${what} exited ${result.code}\n--- stdout\n${result.stdout}\n--- stderr\n${result.stderr}`);
}

export interface Fixture {
  /** The temporary directory: the tarballs, the project, logs. */
  tmp: string;
  /** The installed copy of fixtures/project. */
  dir: string;
  /** `<dir>/node_modules/typescript/lib/tsserver.js`: the fixture's own TypeScript. */
  tsserver: string;
  /** Removes the temporary directory. */
  remove(): Promise<void>;
}

/** Packs the workspace packages and installs them, with TypeScript, into a fresh copy of fixtures/project. */
export async function installFixture(prefix: string): Promise<Fixture> {
  for (const name of workspaces) {
    if (!existsSync(join(root, 'packages', name, 'package.json'))) throw new Error(`no packages/${name}`);
  }
  if (
    !existsSync(join(root, 'packages', 'ts-plugin', 'dist', 'index.js')) ||
    !existsSync(join(root, 'packages', 'analyzer', 'dist', 'cjs', 'index.js'))
  ) {
    throw new Error('packages/ts-plugin or packages/analyzer is not built: run `npm run build` first');
  }
  const tmp = mkdtempSync(join(tmpdir(), prefix));
  const remove = () => rm(tmp, { recursive: true, force: true });
  try {
    const pack = await run(
      'npm',
      ['pack', '--json', '--pack-destination', tmp, ...workspaces.flatMap(name => ['--workspace', `packages/${name}`])],
      root,
    );
    expectOk(pack, 'npm pack');
    const tarballs = (JSON.parse(pack.stdout) as { filename: string }[]).map(entry => join(tmp, entry.filename));
    const dir = join(tmp, 'project');
    cpSync(join(fixtures, 'project'), dir, { recursive: true });
    const specs = [...tarballs, ...toolchain.map(pkg => `${pkg}@${repoVersion(pkg)}`)];
    expectOk(
      await run('npm', ['install', '--prefer-offline', '--no-audit', '--no-fund', '--prefix', dir, ...specs], dir),
      'npm install in the fixture',
    );
    return { tmp, dir, tsserver: join(dir, 'node_modules', 'typescript', 'lib', 'tsserver.js'), remove };
  } catch (error) {
    await remove();
    throw error;
  }
}

/** 1-based line and offset (tsserver's `Location`) of `needle` in `text`, plus `delta` characters. */
export function locate(text: string, needle: string, delta = 0): { line: number; offset: number } {
  const index = text.indexOf(needle);
  if (index < 0 || text.indexOf(needle, index + 1) >= 0)
    throw new Error(`${JSON.stringify(needle)} occurs ${index < 0 ? 'nowhere' : 'more than once'} in the fixture`);
  const before = text.slice(0, index + delta).split('\n');
  return { line: before.length, offset: before[before.length - 1]!.length + 1 };
}
