/**
 * What `npm publish` would ship: each package packed (a dry run, from the built workspace), with its
 * README and the repository's LICENSE, the metadata a registry page and a first scoped publish need,
 * its builds and typings, and nothing from src/, the tests, the build cache or source maps (which
 * would point at src/, not shipped).
 */
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const root = fileURLToPath(new URL('..', import.meta.url));
const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';
const names = ['runtime', 'analyzer', 'eslint-plugin', 'ts-plugin'] as const;

const packed = spawnSync(
  npm,
  ['pack', '--dry-run', '--json', '--silent', ...names.flatMap(name => ['--workspace', `packages/${name}`])],
  { cwd: root, encoding: 'utf8' },
);
const manifests = new Map(
  (JSON.parse(packed.stdout) as { name: string; files: { path: string }[] }[]).map(entry => [
    entry.name.replace('@memsafe/', ''),
    entry.files.map(file => file.path).sort(),
  ]),
);

/** What each package must hold beyond README.md, LICENSE and package.json. */
const entries: Record<(typeof names)[number], string[]> = {
  runtime: [
    'dist/esm/index.js',
    'dist/esm/index.d.ts',
    'dist/cjs/index.js',
    'dist/cjs/index.d.ts',
    'dist/cjs/package.json',
  ],
  analyzer: [
    'bin/memsafe.js',
    'memsafe.schema.json',
    'dist/esm/index.js',
    'dist/esm/index.d.ts',
    'dist/cjs/index.js',
    'dist/cjs/index.d.ts',
  ],
  'eslint-plugin': ['index.mjs', 'index.cjs', 'index.d.cts', 'dist/esm/index.d.ts', 'dist/cjs/index.js'],
  'ts-plugin': ['dist/index.js', 'dist/index.d.ts'],
};

describe.each(names)('@memsafe/%s as npm would publish it', name => {
  const files = manifests.get(name) ?? [];
  const manifest = JSON.parse(readFileSync(join(root, 'packages', name, 'package.json'), 'utf8')) as Record<
    string,
    unknown
  >;

  it('holds its README, the LICENSE, its builds and typings', () => {
    expect(packed.status, packed.stderr).toBe(0);
    expect(files).toEqual(expect.arrayContaining(['README.md', 'LICENSE', 'package.json', ...entries[name]]));
    expect(readFileSync(join(root, 'packages', name, 'LICENSE'), 'utf8')).toBe(
      readFileSync(join(root, 'LICENSE'), 'utf8'),
    );
  });

  it('holds nothing from src/, the tests, the build cache, and no source maps', () => {
    expect(
      files.filter(file => /^(src|test)\//.test(file) || file.endsWith('.map') || file.endsWith('.tsbuildinfo')),
    ).toEqual([]);
  });

  it('names its repository, home page and tracker, and publishes as a public scoped package', () => {
    expect(manifest).toMatchObject({
      license: 'MIT',
      repository: { type: 'git', url: 'git+https://github.com/memsafe/memsafe.git', directory: `packages/${name}` },
      homepage: `https://github.com/memsafe/memsafe/tree/main/packages/${name}#readme`,
      bugs: { url: 'https://github.com/memsafe/memsafe/issues' },
      publishConfig: { access: 'public' },
    });
  });
});
