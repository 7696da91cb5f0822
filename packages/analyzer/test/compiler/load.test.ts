import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';
import { installTypeScript } from '../../../../tools/typescript-workspace.mjs';
import { CompilerError, loadCompiler } from '../../src/compiler/load.js';

const repository = fileURLToPath(new URL('../../../..', import.meta.url));
const bin = fileURLToPath(new URL('../../bin/memsafe.js', import.meta.url));

/** A project whose node_modules/typescript is a stand-in of `version` whose main module is `main`. */
function projectWith(version: string, main = 'module.exports = { createProgram() {}, findConfigFile() {} };'): string {
  const project = mkdtempSync(join(tmpdir(), 'memsafe-load-'));
  const typescript = join(project, 'node_modules', 'typescript');
  mkdirSync(typescript, { recursive: true });
  writeFileSync(join(typescript, 'package.json'), JSON.stringify({ name: 'typescript', version, main: 'main.js' }));
  writeFileSync(join(typescript, 'main.js'), main);
  writeFileSync(join(project, 'tsconfig.json'), '{ "include": ["*.ts"] }');
  writeFileSync(join(project, 'a.ts'), 'export const a = 1;\n');
  return project;
}

const load = (from: readonly string[]) => loadCompiler(from, async url => import(url));

async function failure(from: readonly string[]): Promise<string> {
  const error: unknown = await load(from).then(
    () => undefined,
    (reason: unknown) => reason,
  );
  expect(error).toBeInstanceOf(CompilerError);
  return (error as Error).message;
}

/** A project whose `typescript` is the repository's TypeScript 7 (installed as typescript7). */
function projectWithTypeScript7(): string {
  const project = mkdtempSync(join(tmpdir(), 'memsafe-load-'));
  installTypeScript(project, 7);
  return project;
}

describe('loadCompiler', () => {
  it("loads the project's TypeScript before the one beside memsafe", async () => {
    const host = await load([projectWith('6.0.1'), repository]);
    expect(host.version).toBe('6.0.1');
    expect(typeof host.ts.createProgram).toBe('function');
  });

  it('falls back to the TypeScript beside memsafe, a real one', async () => {
    const host = await load([mkdtempSync(join(tmpdir(), 'memsafe-load-')), repository]);
    expect(host.version).toMatch(/^6\.0\./);
    expect(host.ts.findConfigFile).toBeTypeOf('function');
  });

  it("loads TypeScript 7's JavaScript API where the project has TypeScript 7", async () => {
    const host = await load([projectWithTypeScript7(), repository]);
    expect(host.version).toMatch(/^7\.0\./);
    expect(host.ts.SyntaxKind.SourceFile).not.toBe(ts.SyntaxKind.SourceFile);
    host.close();
  });

  it("ends TypeScript 7's compiler process without a word on the stderr it shares with memsafe", () => {
    // The compiler writes to the file descriptor it inherits: only a process of its own shows it.
    // Without the fix, one compiler in twenty printed "context canceled": sixty make that near certain.
    const script = `
      import { loadCompiler } from ${JSON.stringify(new URL('../../dist/esm/compiler/load.js', import.meta.url).href)};
      for (let run = 0; run < 60; run++) {
        const host = await loadCompiler([process.argv[1]], url => import(url));
        host.parse(process.argv[1] + '/tsconfig.json', path => path);
        host.close();
      }`;
    const project = projectWithTypeScript7();
    writeFileSync(join(project, 'tsconfig.json'), '{ "include": ["*.ts"] }');
    const ended = spawnSync(process.execPath, ['--input-type=module', '-e', script, project], { encoding: 'utf8' });
    expect(ended.status).toBe(0);
    expect(ended.stderr).toBe('');
  });

  it('names the version found, where, and what to install, for every TypeScript it cannot use', async () => {
    const at = `(${join('node_modules', 'typescript')})`;
    expect(await failure([mkdtempSync(join(tmpdir(), 'memsafe-load-'))])).toBe(
      'no TypeScript is installed here; install it: npm i -D typescript',
    );
    expect(await failure([projectWith('5.4.5')])).toBe(
      `TypeScript 5.4.5 ${at} is older than memsafe supports (5.5 to 6.0, or 7.0); install a newer one: npm i -D typescript`,
    );
    for (const version of ['6.1.0', '7.1.0', '8.0.0'])
      expect(await failure([projectWith(version)])).toBe(
        `TypeScript ${version} ${at} is newer than memsafe supports (5.5 to 6.0, or 7.0); install one of those: npm i -D typescript@7.0`,
      );
    expect(await failure([projectWith('7.0.2')])).toMatch(
      new RegExp(
        `^TypeScript 7\\.0\\.2 \\${at.slice(0, -1)}\\) cannot be loaded: .*typescript/unstable/ast.*; reinstall it$`,
      ),
    );
    expect(await failure([projectWith('6.0.3', "throw new Error('Cannot find module ./lib/typescript.js');")])).toBe(
      `TypeScript 6.0.3 ${at} cannot be loaded: Cannot find module ./lib/typescript.js; reinstall it`,
    );
    expect(await failure([projectWith('6.0.3', 'module.exports = { version: "6.0.3" };')])).toBe(
      `TypeScript 6.0.3 ${at} has no compiler API (no createProgram); reinstall it`,
    );
  });
});

describe('memsafe with a TypeScript it cannot use', () => {
  it('exits 2 with the reason, and still answers --version', () => {
    const project = projectWith('5.0.4');
    const check = spawnSync(process.execPath, [bin, 'check'], { cwd: project, encoding: 'utf8' });
    expect(check.status).toBe(2);
    expect(check.stdout).toBe('');
    expect(check.stderr).toBe(
      'memsafe: TypeScript 5.0.4 (node_modules/typescript) is older than memsafe supports (5.5 to 6.0, or 7.0); install a newer one: npm i -D typescript\n',
    );
    const version = spawnSync(process.execPath, [bin, '--version'], { cwd: project, encoding: 'utf8' });
    expect(version.status).toBe(0);
    expect(version.stdout).toMatch(/^\d+\.\d+\.\d+\n$/);
  });
});
