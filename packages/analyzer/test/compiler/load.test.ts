import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
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

function failure(from: readonly string[]): string {
  try {
    loadCompiler(from);
  } catch (error) {
    expect(error).toBeInstanceOf(CompilerError);
    return (error as Error).message;
  }
  throw new Error('loadCompiler did not fail');
}

describe('loadCompiler', () => {
  it("loads the project's TypeScript before the one beside memsafe", () => {
    const project = projectWith('6.0.1');
    const loaded = loadCompiler([project, repository]);
    expect(loaded.version).toBe('6.0.1');
    expect(loaded.location).toBe(join('node_modules', 'typescript'));
    expect(typeof loaded.ts.createProgram).toBe('function');
  });

  it('falls back to the TypeScript beside memsafe, a real one', () => {
    const empty = mkdtempSync(join(tmpdir(), 'memsafe-load-'));
    const loaded = loadCompiler([empty, repository]);
    expect(loaded.version).toMatch(/^6\.0\./);
    expect(loaded.ts.findConfigFile).toBeTypeOf('function');
  });

  it('names the version found, where, and what to install, for every TypeScript it cannot use', () => {
    const hint = 'install TypeScript 6 beside it: npm i -D typescript@6';
    const at = `(${join('node_modules', 'typescript')})`;
    expect(failure([mkdtempSync(join(tmpdir(), 'memsafe-load-'))])).toBe(`no TypeScript is installed here; ${hint}`);
    expect(failure([projectWith('5.4.5')])).toBe(
      `TypeScript 5.4.5 ${at} is older than memsafe supports (5.5 to 6.0); ${hint}`,
    );
    expect(failure([projectWith('6.1.0')])).toBe(
      `TypeScript 6.1.0 ${at} is newer than memsafe supports (5.5 to 6.0); ${hint}`,
    );
    expect(failure([projectWith('7.0.2')])).toBe(
      `TypeScript 7.0.2 ${at} is the native compiler, whose JavaScript API memsafe does not use yet; ${hint} under its own name, or run memsafe where typescript is 6`,
    );
    expect(failure([projectWith('6.0.3', "throw new Error('Cannot find module ./lib/typescript.js');")])).toBe(
      `TypeScript 6.0.3 ${at} cannot be loaded: Cannot find module ./lib/typescript.js; reinstall it`,
    );
    expect(failure([projectWith('6.0.3', 'module.exports = { version: "6.0.3" };')])).toBe(
      `TypeScript 6.0.3 ${at} has no compiler API (no createProgram); reinstall it`,
    );
  });
});

describe('memsafe with a TypeScript it cannot use', () => {
  it('exits 2 with the reason, and still answers --version', () => {
    const project = projectWith('7.0.2', 'exports.version = "7.0.2";');
    const check = spawnSync(process.execPath, [bin, 'check'], { cwd: project, encoding: 'utf8' });
    expect(check.status).toBe(2);
    expect(check.stdout).toBe('');
    expect(check.stderr).toMatch(/^memsafe: TypeScript 7\.0\.2 \(node_modules\/typescript\) is the native compiler/);
    const version = spawnSync(process.execPath, [bin, '--version'], { cwd: project, encoding: 'utf8' });
    expect(version.status).toBe(0);
    expect(version.stdout).toMatch(/^\d+\.\d+\.\d+\n$/);
  });
});
