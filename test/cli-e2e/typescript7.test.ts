/**
 * End to end: a fresh project that installs TypeScript 7, @types/node and the packed @memsafe/analyzer,
 * nothing else, and runs `memsafe check` through its bin. Its findings, JSON and SARIF must be what the same
 * run gives on TypeScript 6. The TypeScript 7 installed is the version the repository tests against
 * (its `typescript7` devDependency), whose tarballs `npm ci` put in the npm cache.
 */
import { cpSync, mkdtempSync, readFileSync } from 'node:fs';
import { rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ts from 'typescript';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { classicProjectHost, runCli } from '../../packages/analyzer/src/index.js';
import { cleanEnv, repoVersion, root, run, type Run } from '../ts-plugin-e2e/fixture.js';

let tmp: string;
let project: string;

beforeAll(async () => {
  tmp = mkdtempSync(join(tmpdir(), 'memsafe-ts7-'));
  const pack = await run(
    'npm',
    ['pack', '--json', '--pack-destination', tmp, '--workspace', 'packages/analyzer'],
    root,
  );
  expect(pack.code, pack.stderr).toBe(0);
  const [{ filename }] = JSON.parse(pack.stdout) as [{ filename: string }];
  project = join(tmp, 'project');
  cpSync(join(root, 'packages', 'analyzer', 'test', 'cli', 'fixture'), project, { recursive: true });
  const install = await run(
    'npm',
    [
      'install',
      '--prefer-offline',
      '--no-audit',
      '--no-fund',
      '--save-dev',
      '--prefix',
      project,
      join(tmp, filename),
      `typescript@${repoVersion('typescript7')}`,
      `@types/node@${repoVersion('@types/node')}`,
    ],
    project,
  );
  expect(install.code, install.stderr).toBe(0);
});

afterAll(async () => {
  await rm(tmp, { recursive: true, force: true });
});

const memsafe = (...args: string[]): Promise<Run> =>
  run(process.execPath, [join(project, 'node_modules', '.bin', 'memsafe'), ...args], project, cleanEnv());

/** The same command in-process on the repository's TypeScript 6. */
function onTypeScript6(args: string[]): Run {
  let stdout = '';
  let stderr = '';
  const code = runCli(() => classicProjectHost(ts), args, {
    cwd: project,
    env: { NO_COLOR: '1' },
    stdout: { write: (text: string) => (stdout += text) },
    stderr: { write: (text: string) => (stderr += text) },
  });
  return { code, stdout, stderr };
}

describe('memsafe check in a project with TypeScript 7 and nothing else', () => {
  it('has TypeScript 7 as its only TypeScript', () => {
    const manifest = JSON.parse(readFileSync(join(project, 'node_modules', 'typescript', 'package.json'), 'utf8')) as {
      version: string;
    };
    expect(manifest.version).toMatch(/^7\.0\./);
  });

  it('finds what TypeScript 6 finds, in the terminal, as JSON and as SARIF, and exits 1', async () => {
    for (const args of [['check'], ['check', '-f', 'json'], ['check', '-f', 'sarif'], ['explain', '-f', 'json']]) {
      const seven = await memsafe(...args);
      const six = onTypeScript6(args);
      expect({ args, ...seven }).toEqual({ args, ...six });
      expect(seven.code).toBe(args[0] === 'check' ? 1 : 0);
    }
    const findings = JSON.parse((await memsafe('check', '-f', 'json')).stdout) as { rule: string; line: number }[];
    expect(findings.map(f => `${f.rule}:${f.line}`)).toEqual(['no-stale-view:9', 'no-whole-backing-buffer:4']);
  });
});
