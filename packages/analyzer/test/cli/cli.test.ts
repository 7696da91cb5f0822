import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';
import { classicProjectHost, CompilerError, runCli, type ProjectHost } from '../../src/index.js';
import { cli as cliOnBoth } from './support.js';

const fixture = fileURLToPath(new URL('fixture', import.meta.url));
const bin = fileURLToPath(new URL('../../bin/memsafe.js', import.meta.url));

/** Runs the CLI in-process on TypeScript 6 and 7, capturing what it writes (the same, or the test fails). */
function cli(args: string[], env: NodeJS.ProcessEnv = { NO_COLOR: '1' }, tty = false) {
  return cliOnBoth(fixture, args, env, tty);
}

describe('memsafe check', () => {
  it('reports with code frames and the suggested fix, and exits 1', () => {
    const { code, stdout, stderr } = cli(['check']);
    expect(code).toBe(1);
    expect(stderr).toBe('');
    expect(stdout).toContain('src/heap.ts:9:3 error `heap` may be detached here: `exports.malloc(…)` (line 8)');
    expect(stdout).toContain('>  9 |   heap.set(bytes, ptr);');
    expect(stdout).toContain('     |   ^^^^');
    expect(stdout).toContain('suggestion: Take a fresh view here: `new Uint8Array(exports.memory.buffer)`.');
    expect(stdout).toContain('src/packet.ts:4:23 error `packet.buffer` is the whole backing store');
    expect(stdout).toContain('✖ 2 problems (2 errors, 0 warnings)');
    expect(stdout).not.toMatch(/\u001b\[/);
  });

  it('colours for a terminal and for FORCE_COLOR, never under NO_COLOR', () => {
    expect(cli(['check'], {}, true).stdout).toMatch(/\u001b\[31merror/);
    expect(cli(['check'], { FORCE_COLOR: '1' }).stdout).toMatch(/\u001b\[/);
    expect(cli(['check'], { NO_COLOR: '1' }, true).stdout).not.toMatch(/\u001b\[/);
    expect(cli(['check', '--no-color'], { FORCE_COLOR: '1' }).stdout).not.toMatch(/\u001b\[/);
  });

  it('prints the documented JSON shape, with 1-based positions', () => {
    const { code, stdout } = cli(['check', '--format', 'json']);
    expect(code).toBe(1);
    const findings = JSON.parse(stdout) as Record<string, unknown>[];
    expect(findings).toHaveLength(2);
    expect(Object.keys(findings[0]!)).toEqual([
      'file',
      'line',
      'column',
      'endLine',
      'endColumn',
      'rule',
      'severity',
      'message',
    ]);
    expect(findings[0]).toMatchObject({
      file: `${fixture}/src/heap.ts`,
      line: 9,
      column: 3,
      endLine: 9,
      endColumn: 7,
      rule: 'no-stale-view',
      severity: 'error',
    });
  });

  it('narrows to paths, and exits 0 with a clear word when nothing is found', () => {
    const { code, stdout } = cli(['check', 'src/clean.ts']);
    expect(code).toBe(0);
    expect(stdout).toBe('✔ memsafe found no problems.\n');
  });

  it('turns rules off and to warnings with --rule; warnings alone exit 0', () => {
    const { code, stdout } = cli([
      'check',
      '--rule',
      'no-stale-view=off',
      '--rule',
      'memsafe/no-whole-backing-buffer=warn',
    ]);
    expect(code).toBe(0);
    expect(stdout).toContain('src/packet.ts:4:23 warning');
    expect(stdout).not.toContain('no-stale-view');
  });

  it.each([
    [
      ['check', '--rule', 'no-such-rule=error'],
      'unknown rule "no-such-rule": memsafe\'s rules are no-stale-view, no-use-after-transfer, no-whole-backing-buffer, no-ambiguous-slice, no-lost-write, no-signed-wasm-pointer, explicit-endianness, no-implicit-copy, no-unnecessary-copy, no-misaligned-view, no-strided-data-escape, no-buffer-slice',
    ],
    [['check', '--rule', 'no-stale-view=loud'], '--rule takes name=off|warn|error, got "no-stale-view=loud"'],
    [['check', '--preset', 'lenient'], '--preset takes recommended, strict or all, got "lenient"'],
    [['check', '--format', 'xml'], '--format takes pretty, json or sarif, got "xml"'],
    [['check', '--wat'], 'unknown option --wat'],
    [['lint'], 'unknown command "lint": use check or explain'],
    [[], 'missing command: use check or explain'],
    [['check', '-p'], '-p needs a value'],
    [['explain', '--format', 'sarif'], 'explain prints pretty or json; sarif is for check'],
    [['check', 'nowhere'], 'nowhere does not exist'],
    [['check', '-p', 'missing.json'], 'missing.json does not exist'],
  ])('%j is a usage or configuration error (exit 2)', (args, message) => {
    const { code, stdout, stderr } = cli(args);
    expect(code).toBe(2);
    expect(stdout).toBe('');
    expect(stderr).toContain(`memsafe: ${message}`);
  });
});

describe('memsafe explain', () => {
  it('lists every conversion with result, sharing and hazard', () => {
    const { code, stdout } = cli(['explain', '--format', 'json']);
    expect(code).toBe(0);
    const entries = JSON.parse(stdout) as {
      file: string;
      line: number;
      text: string;
      result: string;
      sharesMemory: boolean;
      hazard: string | null;
      bytes?: number;
    }[];
    const brief = entries.map(e => [e.file.slice(fixture.length + 1), e.line, e.text, e.result, e.sharesMemory]);
    expect(brief).toContainEqual(['src/clean.ts', 2, 'new Float64Array(values)', 'copy', false]);
    expect(brief).toContainEqual(['src/heap.ts', 7, 'exports.memory.buffer', expect.any(String), true]);
    expect(brief).toContainEqual(['src/packet.ts', 4, 'packet.buffer', expect.any(String), true]);
    expect(entries.find(e => e.text === 'new Uint8Array(8)')).toMatchObject({ result: 'copy', bytes: 8 });
    expect(entries.find(e => e.text === 'packet.buffer')!.hazard).toBe('pool-aliasing');
  });

  it('lists the calls that invalidate memory other code holds, with the event of the events table', () => {
    const { stdout } = cli(['explain', '--format', 'json']);
    const entries = JSON.parse(stdout) as {
      file: string;
      line: number;
      text: string;
      result: string;
      conversion: string;
      invalidates?: string;
    }[];
    expect(entries.find(e => e.text === 'exports.malloc(bytes.length)')).toMatchObject({
      line: 8,
      result: 'detach',
      conversion: 'wasm-allocator-call',
      invalidates: 'allocates in WebAssembly memory, which may grow it',
    });
    expect(cli(['explain']).stdout).toMatch(/1 call invalidates memory other code may hold\.\n$/);
  });

  it('prints a readable audit with a summary line', () => {
    const { stdout } = cli(['explain']);
    expect(stdout).toMatch(/src\/clean\.ts:2:16 +copy +new Float64Array\(values\)/);
    expect(stdout).toMatch(/\d+ conversions: \d+ share or move memory, \d+ copy/);
  });
});

describe('an internal error', () => {
  // TypeScript's own checker fails an assertion on this enum merged across two scripts, b.ts first.
  const project = (): string => {
    const dir = mkdtempSync(join(tmpdir(), 'memsafe-enum-'));
    writeFileSync(join(dir, 'b.ts'), 'enum E { A }\nE.A.toString();\n');
    writeFileSync(join(dir, 'a.ts'), 'enum E { X = 1, Y = E["X"] }\n');
    writeFileSync(join(dir, 'c.ts'), 'const bytes = new Uint8Array(8).slice(0, 4);\n');
    writeFileSync(
      join(dir, 'tsconfig.json'),
      JSON.stringify({ compilerOptions: { noEmit: true }, files: ['b.ts', 'a.ts', 'c.ts'] }),
    );
    return dir;
  };

  it('in explain names the file, explains the others, and exits 2, never 0 or 1', () => {
    const dir = project();
    let stdout = '';
    let stderr = '';
    const code = runCli(() => classicProjectHost(ts), ['explain'], {
      cwd: dir,
      env: { NO_COLOR: '1' },
      stdout: { write: (text: string) => (stdout += text) },
      stderr: { write: (text: string) => (stderr += text) },
    });
    expect(code).toBe(2);
    expect(stderr).toContain('memsafe: internal error: explain failed on b.ts: Debug Failure.');
    expect(stderr).toContain('memsafe: one part of the analysis failed; the results above are incomplete');
    expect(stdout).toMatch(/c\.ts:1:15 +copy +new Uint8Array\(8\)\.slice\(0, 4\)/);
  });

  it("of the compiler's process (TypeScript 7's ended under the check) is exit 2 with nothing reported", () => {
    for (const command of ['check', 'explain']) {
      let stdout = '';
      let stderr = '';
      const ended = (): ProjectHost => ({
        ...classicProjectHost(ts),
        confirm: () => {
          throw new CompilerError("TypeScript 7.0.2's compiler process ended during the check (Unexpected EOF)");
        },
      });
      const code = runCli(ended, [command], {
        cwd: fixture,
        env: { NO_COLOR: '1' },
        stdout: { write: (text: string) => (stdout += text) },
        stderr: { write: (text: string) => (stderr += text) },
      });
      expect({ command, code, stdout, stderr }).toEqual({
        command,
        code: 2,
        stdout: '',
        stderr: "memsafe: TypeScript 7.0.2's compiler process ended during the check (Unexpected EOF)\n",
      });
    }
  });

  it('anywhere else in the CLI is exit 2 with the stack, not an uncaught exception', () => {
    let stderr = '';
    const failing = {
      write: (): never => {
        throw new Error('the terminal went away');
      },
    };
    const code = runCli(() => classicProjectHost(ts), ['check'], {
      cwd: fixture,
      env: { NO_COLOR: '1' },
      stdout: failing,
      stderr: { write: (text: string) => (stderr += text) },
    });
    expect(code).toBe(2);
    expect(stderr).toMatch(/^memsafe: internal error: Error: the terminal went away\n    at /);
  });
});

describe('the memsafe bin', () => {
  it('runs as a process: --version, and the exit code of check', () => {
    const version = spawnSync(process.execPath, [bin, '--version'], { encoding: 'utf8' });
    expect(version.stdout.trim()).toMatch(/^\d+\.\d+\.\d+$/);
    const check = spawnSync(process.execPath, [bin, 'check', '--format', 'json'], { cwd: fixture, encoding: 'utf8' });
    expect(check.status).toBe(1);
    expect(JSON.parse(check.stdout)).toHaveLength(2);
    expect(check.stderr).toBe('');
  });
});
