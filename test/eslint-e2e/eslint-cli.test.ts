/**
 * End to end: the real ESLint CLI on fixture projects that install memsafe the way a user does, from
 * the tarballs `npm pack` makes of the workspace packages (typescript-eslint integration-tests style).
 *
 * Install from the cache: the fixtures get `npm install --prefer-offline <tarballs> eslint@X
 * typescript@Y typescript-eslint@Z @types/node@W`, where X..W are the exact versions in the repo's own
 * node_modules. `npm ci` of the repo put those tarballs (and their dependencies') in the npm cache, but
 * no package metadata: on a fresh machine the first install reads the metadata of those exact
 * versions from the registry, as `npm ci` itself did, and takes every tarball from the cache. This is a real install (real
 * node_modules layout, real `exports` resolution of the packed packages), not symlinks into the repo.
 *
 * The packages must be built first (`npm run build`, which `npm test` runs): `npm pack` ships dist/.
 */
import { execFile } from 'node:child_process';
import { cpSync, existsSync, lstatSync, mkdtempSync, readFileSync } from 'node:fs';
import { rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, relative, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const root = fileURLToPath(new URL('../..', import.meta.url));
const fixtures = fileURLToPath(new URL('fixtures', import.meta.url));
const workspaces = ['runtime', 'analyzer', 'eslint-plugin'] as const;
/** Installed next to the tarballs, at the versions the repo itself uses (and so has in the npm cache). */
const toolchain = ['eslint', 'typescript', 'typescript-eslint', '@types/node'] as const;

interface Run {
  code: number;
  stdout: string;
  stderr: string;
}

/** Runs a command to completion (no shell); never rejects on a non-zero exit code. */
function run(file: string, args: readonly string[], cwd: string, env: NodeJS.ProcessEnv = cleanEnv()): Promise<Run> {
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
function cleanEnv(): NodeJS.ProcessEnv {
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

function repoVersion(name: string): string {
  const manifest = JSON.parse(readFileSync(join(root, 'node_modules', name, 'package.json'), 'utf8')) as {
    version: string;
  };
  return manifest.version;
}

function expectOk(result: Run, what: string): void {
  if (result.code !== 0)
    throw new Error(`${what} exited ${result.code}\n--- stdout\n${result.stdout}\n--- stderr\n${result.stderr}`);
}

let tmp = '';
let tarballs: string[] = [];
const packed = new Map<string, string[]>();

/** Copies fixtures/<name> to a fresh directory and installs the tarballs and the toolchain into it. */
async function installFixture(name: string): Promise<string> {
  const dir = join(tmp, name);
  cpSync(join(fixtures, name), dir, { recursive: true });
  const specs = [...tarballs, ...toolchain.map(pkg => `${pkg}@${repoVersion(pkg)}`)];
  const result = await run(
    'npm',
    ['install', '--prefer-offline', '--no-audit', '--no-fund', '--prefix', dir, ...specs],
    dir,
  );
  expectOk(result, `npm install in fixture ${name}`);
  return dir;
}

interface Finding {
  file: string;
  ruleId: string | null;
  messageId: string | undefined;
  line: number;
  column: number;
  endLine: number | undefined;
  endColumn: number | undefined;
  message: string;
  suggestions: string[];
}

interface LintResult {
  filePath: string;
  messages: {
    ruleId: string | null;
    messageId?: string;
    line: number;
    column: number;
    endLine?: number;
    endColumn?: number;
    message: string;
    suggestions?: { desc: string }[];
  }[];
}

interface Lint {
  code: number;
  stderr: string;
  /** Every message of every file (memsafe's or not: a parse error shows up here too), paths relative to the fixture. */
  findings: Finding[];
  /** The files ESLint linted, relative to the fixture. */
  files: string[];
}

/** `node node_modules/eslint/bin/eslint.js --format json <args> src` in the fixture, parsed and normalised. */
async function eslint(dir: string, args: readonly string[] = [], env: NodeJS.ProcessEnv = {}): Promise<Lint> {
  const result = await run(
    process.execPath,
    ['node_modules/eslint/bin/eslint.js', '--format', 'json', ...args, 'src'],
    dir,
    { ...cleanEnv(), ...env },
  );
  let parsed: LintResult[];
  try {
    parsed = JSON.parse(result.stdout) as LintResult[];
  } catch {
    throw new Error(
      `eslint ${args.join(' ')} printed no JSON (exit ${result.code})\n--- stdout\n${result.stdout}\n--- stderr\n${result.stderr}`,
    );
  }
  const rel = (file: string) => relative(dir, file).split(sep).join('/');
  const findings = parsed
    .flatMap(file =>
      file.messages.map(m => ({
        file: rel(file.filePath),
        ruleId: m.ruleId,
        messageId: m.messageId,
        line: m.line,
        column: m.column,
        endLine: m.endLine,
        endColumn: m.endColumn,
        message: m.message,
        suggestions: (m.suggestions ?? []).map(s => s.desc),
      })),
    )
    .sort((a, b) => a.file.localeCompare(b.file) || a.line - b.line || a.column - b.column);
  return { code: result.code, stderr: result.stderr, findings, files: parsed.map(file => rel(file.filePath)).sort() };
}

/** What memsafe's recommended preset must report on fixtures/buggy, exactly. */
const expectedFindings: Finding[] = [
  {
    file: 'src/pooled-buffer.ts',
    ruleId: 'memsafe/no-whole-backing-buffer',
    messageId: 'wholeBuffer',
    line: 6,
    column: 25,
    endLine: 6,
    endColumn: 35,
    message:
      "`buf.buffer` is the whole backing store (for a pooled Buffer, Node's shared pool of 8 KiB, or 64 KiB from Node 24.18 and 26.3), not just the bytes of `buf`. Pass `buf.byteOffset` and `buf.byteLength` too.",
    suggestions: ['View only the bytes of `buf`: pass `buf.byteOffset` and its length.'],
  },
  {
    file: 'src/wasm-heap.ts',
    ruleId: 'memsafe/no-stale-view',
    messageId: 'staleView',
    line: 15,
    column: 3,
    endLine: 15,
    endColumn: 7,
    message:
      '`heap` may be detached here: `wasm.malloc(…)` (line 14) allocates in WebAssembly memory, which may grow it. Take a fresh view after it.',
    suggestions: ['Take a fresh view here: `new Float64Array(wasm.memory.buffer)`.'],
  },
  {
    file: 'src/wasm-heap.ts',
    ruleId: 'memsafe/no-stale-view',
    messageId: 'staleWrite',
    line: 24,
    column: 3,
    endLine: 24,
    endColumn: 8,
    message:
      'This write through `words` is lost: the target is picked before `wasm.malloc(…)` (line 24) allocates in WebAssembly memory, which may grow it. Call first, then write through a fresh view.',
    suggestions: [],
  },
];

/** A memsafe check that throws is turned into a process warning on stderr, not a lint error: catch it here. */
const checkFailure = /memsafe\/[\w-]+ failed on/;

describe('the eslint CLI on projects that install the packed memsafe tarballs', () => {
  let buggy = '';
  let clean = '';
  let commonjs = '';

  beforeAll(async () => {
    for (const name of workspaces) {
      if (!existsSync(join(root, 'packages', name, 'dist', 'cjs', 'index.js')))
        throw new Error(`packages/${name} is not built: run \`npm run build\` first`);
    }
    tmp = mkdtempSync(join(tmpdir(), 'memsafe-eslint-e2e-'));
    const packArgs = [
      'pack',
      '--json',
      '--pack-destination',
      tmp,
      ...workspaces.flatMap(name => ['--workspace', `packages/${name}`]),
    ];
    const pack = await run('npm', packArgs, root);
    expectOk(pack, 'npm pack');
    const manifest = JSON.parse(pack.stdout) as { name: string; filename: string; files: { path: string }[] }[];
    tarballs = manifest.map(entry => join(tmp, entry.filename));
    for (const entry of manifest)
      packed.set(
        entry.name,
        entry.files.map(f => f.path),
      );
    [buggy, clean, commonjs] = await Promise.all([
      installFixture('buggy'),
      installFixture('clean'),
      installFixture('commonjs'),
    ]);
  });

  afterAll(async () => {
    if (tmp !== '') await rm(tmp, { recursive: true, force: true });
  });

  it('packs each package with its ESM and CommonJS builds and typings, and nothing from src/ or the build cache', () => {
    expect([...packed.keys()].sort()).toEqual(['@memsafe/analyzer', '@memsafe/eslint-plugin', '@memsafe/runtime']);
    for (const [name, files] of packed) {
      expect(files, name).toEqual(
        expect.arrayContaining([
          'package.json',
          // The plugin's ES module entry hands out the CommonJS build's object: one plugin either way.
          ...(name === '@memsafe/eslint-plugin' ? ['index.mjs', 'index.cjs'] : ['dist/esm/index.js']),
          'dist/esm/index.d.ts',
          'dist/cjs/index.js',
          'dist/cjs/index.d.ts',
          'dist/cjs/package.json',
        ]),
      );
      expect(
        files.filter(file => file.startsWith('src/') || file.startsWith('test/') || file.endsWith('.tsbuildinfo')),
        name,
      ).toEqual([]);
    }
    expect(packed.get('@memsafe/analyzer')).toContain('bin/memsafe.js');
  });

  it('installs the tarballs, not links to the workspace', () => {
    for (const dir of [buggy, clean, commonjs]) {
      const manifest = JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8')) as {
        dependencies: Record<string, string>;
      };
      for (const name of workspaces) {
        expect(manifest.dependencies[`@memsafe/${name}`]).toMatch(new RegExp(`^file:.*memsafe-${name}-[^/]+\\.tgz$`));
        const installed = join(dir, 'node_modules', '@memsafe', name);
        expect(lstatSync(installed).isSymbolicLink(), `${installed} is a link`).toBe(false);
        expect(existsSync(join(installed, 'dist', 'cjs', 'index.js'))).toBe(true);
      }
    }
  });

  it('type-checks the fixture against the packed typings (tsc in the fixture)', async () => {
    const result = await run(process.execPath, ['node_modules/typescript/bin/tsc', '-p', '.'], buggy);
    expect(result.stdout + result.stderr).toBe('');
    expect(result.code).toBe(0);
  });

  it('reports exactly the memsafe bugs in the fixture and exits 1', async () => {
    const lint = await eslint(buggy);
    expect(lint.files).toEqual(['src/clean.ts', 'src/pooled-buffer.ts', 'src/wasm-heap.ts']);
    expect(lint.findings).toEqual(expectedFindings);
    expect(lint.stderr).toBe('');
    expect(lint.code).toBe(1);
  });

  it('exits 0 with no messages on a fixture without bugs', async () => {
    const lint = await eslint(clean);
    expect(lint.files).toEqual(['src/clean.ts']);
    expect(lint.findings).toEqual([]);
    expect(lint.stderr).toBe('');
    expect(lint.code).toBe(0);
  });

  it("runs the README's eslint.config.mjs in a CommonJS project, on .ts .tsx .mts .cts, and lets JavaScript through", async () => {
    const lint = await eslint(commonjs);
    expect(lint.files).toEqual(['src/main.ts', 'src/module.mts', 'src/plain.js', 'src/script.cts', 'src/view.tsx']);
    expect(lint.findings.map(f => `${f.file}:${f.line} ${f.ruleId}`)).toEqual([
      'src/main.ts:2 memsafe/no-whole-backing-buffer',
      'src/module.mts:2 memsafe/no-whole-backing-buffer',
      'src/script.cts:2 memsafe/no-whole-backing-buffer',
      'src/view.tsx:2 memsafe/no-whole-backing-buffer',
    ]);
    expect(lint.stderr).toBe('');
    expect(lint.code).toBe(1);
  });

  it('runs eslint.config.cjs with require(), taking the severities of memsafe.config.json (warnings: exit 0)', async () => {
    const lint = await eslint(commonjs, ['--config', 'eslint.config.cjs']);
    expect(lint.findings.map(f => `${f.file}:${f.line} ${f.ruleId}`)).toHaveLength(4);
    expect(lint.stderr).toBe('');
    expect(lint.code).toBe(0);
  });

  it('reports the same findings with --cache, on the run that fills the cache and on the run served from it', async () => {
    const cache = ['--cache', '--cache-location', join(tmp, 'eslintcache')];
    const first = await eslint(buggy, cache);
    // ESLint's debug log (namespace eslint:eslint-helpers) names each file it answers from the cache.
    const second = await eslint(buggy, cache, { DEBUG: 'eslint:eslint-helpers' });
    const skipped = [...second.stderr.matchAll(/Skipping file since it hasn't changed: (.*)/g)]
      .map(m => relative(buggy, m[1]!.trim()).split(sep).join('/'))
      .sort();
    expect(skipped).toEqual(['src/clean.ts', 'src/pooled-buffer.ts', 'src/wasm-heap.ts']);
    for (const lint of [first, second]) {
      expect(lint.findings).toEqual(expectedFindings);
      expect(lint.stderr).not.toMatch(checkFailure);
      expect(lint.code).toBe(1);
    }
    expect(first.stderr).toBe('');
  });

  it('reports the same findings with --concurrency 2 (rules loaded in worker threads)', async () => {
    const lint = await eslint(buggy, ['--concurrency', '2']);
    expect(lint.findings).toEqual(expectedFindings);
    // ESLint may warn that 3 files are too few for 2 threads (ESLintPoorConcurrencyWarning); a check must not fail.
    expect(lint.stderr).not.toMatch(checkFailure);
    expect(lint.code).toBe(1);
  });

  let loaded: Promise<{ cjs: PluginSummary; esm: PluginSummary; same: boolean }> | undefined;
  /** Loads the installed plugin in the fixture with require() and with import() (once), and summarises both. */
  function loadPlugin(): Promise<{ cjs: PluginSummary; esm: PluginSummary; same: boolean }> {
    loaded ??= summarisePlugin();
    return loaded;
  }

  async function summarisePlugin(): Promise<{ cjs: PluginSummary; esm: PluginSummary; same: boolean }> {
    const script = `
      const summary = plugin => ({
        name: plugin.meta && plugin.meta.name,
        rules: Object.keys(plugin.rules || {}).sort(),
        configs: Object.keys(plugin.configs || {}).sort(),
        registersItself: Object.fromEntries(Object.entries(plugin.configs || {}).map(([k, c]) => [k, !!c.plugins && c.plugins.memsafe === plugin])),
        presetRules: Object.fromEntries(Object.entries(plugin.configs || {}).map(([k, c]) => [k, c.rules || {}])),
      });
      const cjs = require('@memsafe/eslint-plugin');
      import('@memsafe/eslint-plugin').then(esm =>
        console.log(JSON.stringify({ cjs: summary(cjs), esm: summary(esm.default), same: esm.default === cjs })),
      );
    `;
    const result = await run(process.execPath, ['-e', script], buggy);
    expectOk(result, 'node -e (require and import @memsafe/eslint-plugin)');
    return JSON.parse(result.stdout) as { cjs: PluginSummary; esm: PluginSummary; same: boolean };
  }

  const pluginShape: Record<string, unknown> = {
    name: '@memsafe/eslint-plugin',
    rules: expect.arrayContaining(['no-stale-view', 'no-whole-backing-buffer']),
    configs: ['all', 'disableTypeChecked', 'recommended', 'strict'],
    registersItself: { recommended: true, strict: true, all: true, disableTypeChecked: false },
    presetRules: expect.objectContaining({
      recommended: expect.objectContaining({
        'memsafe/no-stale-view': 'error',
        'memsafe/no-whole-backing-buffer': 'error',
      }) as unknown,
    }),
  };

  it('imports as ESM with flat configs that only turn on rules the plugin has', async () => {
    const { esm } = await loadPlugin();
    expect(esm).toMatchObject(pluginShape);
    // A preset naming a rule the plugin lacks makes ESLint refuse the whole config ("Could not find ... in plugin").
    const missing = Object.entries(esm.presetRules).flatMap(([preset, rules]) =>
      Object.keys(rules)
        .filter(id => !esm.rules.includes(id.replace(/^memsafe\//, '')))
        .map(id => `${preset}: ${id}`),
    );
    expect(missing).toEqual([]);
  });

  it('loads with require() from CommonJS as the very object import gives (ESLint refuses two under one name)', async () => {
    const { cjs, esm, same } = await loadPlugin();
    expect(cjs).toMatchObject(pluginShape);
    expect(cjs).toEqual(esm);
    expect(same).toBe(true);
  });
});

interface PluginSummary {
  name: string;
  rules: string[];
  configs: string[];
  registersItself: Record<string, boolean>;
  presetRules: Record<string, Record<string, unknown>>;
}
