/**
 * End to end: ESLint in a project on TypeScript 7, installed as the README says: TypeScript 6 under
 * the name `typescript` (typescript-eslint and memsafe's rules run on it) and TypeScript 7 under a
 * name of its own, which builds the project. The two TypeScript specs are read from the
 * README's install line, so the test installs what the README tells a user to; the rest are the
 * repository's own versions and the packed memsafe packages.
 */
import { cpSync, mkdtempSync, readFileSync } from 'node:fs';
import { rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { repoVersion, root, run } from '../ts-plugin-e2e/fixture.js';

const fixture = fileURLToPath(new URL('fixtures/typescript7', import.meta.url));
const readme = readFileSync(join(root, 'README.md'), 'utf8');
const installLine =
  /^npm i -D (typescript@npm:\S+) (typescript-7@npm:\S+) eslint typescript-eslint @memsafe\/eslint-plugin$/m.exec(
    readme,
  );

let tmp: string;
let project: string;

beforeAll(async () => {
  if (installLine === null) throw new Error("the README's install line for a TypeScript 7 project is gone");
  tmp = mkdtempSync(join(tmpdir(), 'memsafe-eslint-ts7-'));
  const pack = await run(
    'npm',
    [
      'pack',
      '--json',
      '--pack-destination',
      tmp,
      '--workspace',
      'packages/analyzer',
      '--workspace',
      'packages/eslint-plugin',
    ],
    root,
  );
  expect(pack.code, pack.stderr).toBe(0);
  const tarballs = (JSON.parse(pack.stdout) as { filename: string }[]).map(entry => join(tmp, entry.filename));
  project = join(tmp, 'project');
  cpSync(fixture, project, { recursive: true });
  // The README's eslint.config.mjs, which the commonjs fixture holds word for word (eslint-cli.test.ts checks it).
  cpSync(join(fixture, '..', 'commonjs', 'eslint.config.mjs'), join(project, 'eslint.config.mjs'));
  const install = await run(
    'npm',
    [
      'install',
      '--save-dev',
      '--prefer-offline',
      '--no-audit',
      '--no-fund',
      '--prefix',
      project,
      installLine[1]!,
      installLine[2]!,
      `eslint@${repoVersion('eslint')}`,
      `typescript-eslint@${repoVersion('typescript-eslint')}`,
      `@types/node@${repoVersion('@types/node')}`,
      ...tarballs,
    ],
    project,
  );
  expect(install.code, install.stderr).toBe(0);
});

afterAll(async () => {
  await rm(tmp, { recursive: true, force: true });
});

const bin = (name: string, ...args: string[]) =>
  run(process.execPath, [join(project, 'node_modules', '.bin', name), ...args], project);

describe('ESLint with memsafe in a project on TypeScript 7', () => {
  it('builds with TypeScript 7 as the README says, and has TypeScript 6 under the name typescript', async () => {
    const build = /"build": "node (node_modules\/typescript-7\/bin\/tsc)"/.exec(readme);
    expect(build).not.toBeNull();
    const seven = await run(process.execPath, [join(project, build![1]!), '--version'], project);
    expect(seven.stdout).toMatch(/^Version 7\.0\.\d+\n$/);
    const built = await run(process.execPath, [join(project, build![1]!), '-p', '.'], project);
    expect(built, 'the fixture type-checks on TypeScript 7').toEqual({ code: 0, stdout: '', stderr: '' });
    // The README's warning: `npx tsc` is TypeScript 6's.
    expect((await bin('tsc', '--version')).stdout).toMatch(/^Version 6\.0\.\d+\n$/);
    const typescript = await run(process.execPath, ['-p', "require('typescript').version"], project);
    expect(typescript.stdout).toMatch(/^6\.0\.\d+\n$/);
  });

  it("reports memsafe's findings through the real eslint CLI, and memsafe check the same", async () => {
    const eslint = await bin('eslint', '.', '-f', 'json');
    expect(eslint.code, eslint.stderr).toBe(1);
    const linted = (JSON.parse(eslint.stdout) as { filePath: string; messages: { ruleId: string; line: number }[] }[])
      .flatMap(file => file.messages.map(m => `${file.filePath.slice(project.length + 1)}:${m.line} ${m.ruleId}`))
      .sort();
    expect(linted).toEqual(['src/heap.ts:6 memsafe/no-stale-view', 'src/packet.ts:2 memsafe/no-whole-backing-buffer']);
    const checked = await bin('memsafe', 'check', '-f', 'json');
    expect(checked.code, checked.stderr).toBe(1);
    expect(
      (JSON.parse(checked.stdout) as { file: string; line: number; rule: string }[])
        .map(f => `${f.file.slice(project.length + 1)}:${f.line} memsafe/${f.rule}`)
        .sort(),
    ).toEqual(linted);
  });
});
