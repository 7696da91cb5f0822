import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { cli, project } from './support.js';

const options = { strict: true, target: 'es2022', module: 'nodenext', lib: ['es2024', 'dom'], noEmit: true };
const wholeBuffer = 'export const whole = (bytes: Uint8Array) => new DataView(bytes.buffer);\n';
const declaredGrowth = `declare const memory: WebAssembly.Memory;
declare function reserve(pages: number): void;
export function read() {
  const heap = new Uint8Array(memory.buffer);
  reserve(1);
  return heap[0];
}
`;
const byteOrder = `export function header(view: DataView) {
  return view.getUint32(0, true) + view.getUint16(4);
}
`;

const rulesOf = (stdout: string) =>
  (JSON.parse(stdout) as { rule: string; severity: string }[]).map(f => `${f.rule}:${f.severity}`);

describe('memsafe check reads memsafe.config.json', () => {
  it('takes severities and options from the nearest file at or above the tsconfig', () => {
    const root = project({
      'memsafe.config.json': `{
        // one file for the CLI, the editor and ESLint
        "rules": {
          "no-whole-backing-buffer": "warn",
          "no-stale-view": ["error", { "growingFunctions": ["reserve"] }],
        },
      }`,
      'packages/app/tsconfig.json': { compilerOptions: options },
      'packages/app/src/buffer.ts': wholeBuffer,
      'packages/app/src/heap.ts': declaredGrowth,
    });
    const { code, stdout, stderr } = cli(join(root, 'packages/app'), ['check', '--format', 'json']);
    expect(stderr).toBe('');
    expect(rulesOf(stdout)).toEqual(['no-whole-backing-buffer:warn', 'no-stale-view:error']);
    expect(code).toBe(1);
  });

  it('exits 0 on warnings alone, and 1 past --max-warnings, as ESLint does', () => {
    const root = project({
      'memsafe.config.json': { rules: { 'no-whole-backing-buffer': 'warn' } },
      'tsconfig.json': { compilerOptions: options },
      'src/buffer.ts': wholeBuffer,
    });
    const quiet = cli(root, ['check']);
    expect(quiet.stdout).toContain('src/buffer.ts:1:58 warning');
    expect(quiet.stdout).toContain('✖ 1 problem (0 errors, 1 warning)');
    expect(quiet.code).toBe(0);
    expect(cli(root, ['check', '--max-warnings', '1']).code).toBe(0);
    const strict = cli(root, ['check', '--max-warnings', '0']);
    expect(strict.stderr).toBe('memsafe: too many warnings (1; the maximum is 0)\n');
    expect(strict.code).toBe(1);
  });

  it('takes another file with -c, and --preset and --rule over it', () => {
    const root = project({
      'memsafe.config.json': { preset: 'strict' },
      'ci.memsafe.json': { preset: 'recommended', rules: { 'no-whole-backing-buffer': 'off' } },
      'tsconfig.json': { compilerOptions: options },
      'src/buffer.ts': wholeBuffer,
      'src/header.ts': byteOrder,
    });
    expect(rulesOf(cli(root, ['check', '-f', 'json']).stdout)).toEqual([
      'no-whole-backing-buffer:error',
      'explicit-endianness:error',
    ]);
    expect(cli(root, ['check', '-c', 'ci.memsafe.json']).stdout).toBe('✔ memsafe found no problems.\n');
    expect(
      rulesOf(
        cli(root, [
          'check',
          '-f',
          'json',
          '-c',
          'ci.memsafe.json',
          '--preset',
          'strict',
          '-r',
          'explicit-endianness=warn',
        ]).stdout,
      ),
    ).toEqual(['explicit-endianness:warn']);
  });

  it('refuses a file with a mistake: exit 2, naming each', () => {
    const root = project({
      'memsafe.config.json':
        '{ "rules": { "no-stale-view": "loud", "no-whole-backing-buffer": ["warn", { "x": 1 }] } }',
      'tsconfig.json': { compilerOptions: options },
      'src/buffer.ts': wholeBuffer,
    });
    const { code, stdout, stderr } = cli(root, ['check']);
    expect(stdout).toBe('');
    expect(stderr).toBe(
      'memsafe: memsafe.config.json: "no-stale-view" must be "off", "warn" or "error" (or 0, 1, 2), alone or first in an array; got "loud"\n' +
        'memsafe.config.json: the options of "no-whole-backing-buffer" has no "x": this rule takes no options\n',
    );
    expect(code).toBe(2);
  });

  it.each([
    [['check', '-c', 'missing.json'], 'memsafe: missing.json does not exist\n'],
    [
      ['check', '--config', 'strict'],
      'memsafe: --config takes a memsafe.config.json; for the preset, use --preset strict',
    ],
    [['check', '--preset', 'lenient'], 'memsafe: --preset takes recommended, strict or all, got "lenient"'],
    [['check', '--max-warnings', 'few'], 'memsafe: --max-warnings takes a whole number, got "few"'],
    [['explain', '--max-warnings', '0'], 'memsafe: --max-warnings is for check'],
  ])('%j is exit 2', (args, message) => {
    const root = project({ 'tsconfig.json': { compilerOptions: options }, 'src/buffer.ts': wholeBuffer });
    const { code, stderr } = cli(root, args);
    expect(stderr.startsWith(message)).toBe(true);
    expect(code).toBe(2);
  });
});

describe("memsafe check and the tsserver plugin's entry in tsconfig.json", () => {
  it('stops where the entry holds rules, which no host reads, rather than run with others (exit 2)', () => {
    const root = project({
      'tsconfig.json': {
        compilerOptions: { ...options, plugins: [{ name: '@memsafe/ts-plugin', rules: { 'no-stale-view': 'warn' } }] },
      },
      'src/buffer.ts': wholeBuffer,
    });
    const { code, stdout, stderr } = cli(root, ['check']);
    expect(stdout).toBe('');
    expect(stderr).toBe(
      'memsafe: tsconfig.json: "rules" in the plugin entry of tsconfig.json is not read: rules and the preset go in memsafe.config.json, which the CLI and ESLint read too\n',
    );
    expect(code).toBe(2);
  });

  it('runs where the entry holds only what the plugin reads', () => {
    const root = project({
      'tsconfig.json': {
        compilerOptions: { ...options, plugins: [{ name: '@memsafe/ts-plugin', mode: 'hover-only' }] },
      },
      'src/buffer.ts': wholeBuffer,
    });
    expect(cli(root, ['check']).code).toBe(1);
  });
});
