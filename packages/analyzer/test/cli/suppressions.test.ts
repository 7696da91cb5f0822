import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { cli, project } from './support.js';

const options = { strict: true, target: 'es2022', module: 'nodenext', lib: ['es2024', 'dom'], noEmit: true };
const two = `export const a = (bytes: Uint8Array) => new DataView(bytes.buffer);
export const b = (bytes: Uint8Array) => new DataView(bytes.buffer);
`;

const lines = (stdout: string) =>
  (JSON.parse(stdout) as { file: string; line: number; rule: string }[]).map(
    f => `${f.file.split('/').at(-1)}:${f.line} ${f.rule}`,
  );

describe('memsafe check honours the suppressions written for ESLint', () => {
  it('eslint-disable comments naming memsafe rules, and reports one that is not needed', () => {
    const root = project({
      'tsconfig.json': { compilerOptions: options },
      'src/a.ts': `// eslint-disable-next-line memsafe/no-whole-backing-buffer -- the callers pass whole buffers
export const a = (bytes: Uint8Array) => new DataView(bytes.buffer);
export const b = (bytes: Uint8Array) => new DataView(bytes.buffer); // eslint-disable-line memsafe/no-stale-view
`,
    });
    const { code, stdout } = cli(root, ['check', '-f', 'json']);
    expect(lines(stdout)).toEqual(['a.ts:3 no-whole-backing-buffer', 'a.ts:3 unused-disable-directive']);
    expect(code).toBe(1);
    const pretty = cli(root, ['check']).stdout;
    expect(pretty).toContain(
      "src/a.ts:3:69 warning Unused eslint-disable directive (no problems were reported from 'memsafe/no-stale-view').\n",
    );
    expect(
      cli(root, ['check', '-f', 'json', '--report-unused-disable-directives-severity', 'off']).stdout,
    ).not.toContain('unused-disable-directive');
  });

  it("eslint-suppressions.json: tolerates a file's errors up to the count, and reports them all past it", () => {
    const root = project({ 'tsconfig.json': { compilerOptions: options }, 'src/two.ts': two });
    const suppressions = join(root, 'eslint-suppressions.json');
    writeFileSync(
      suppressions,
      JSON.stringify({ 'src/two.ts': { 'memsafe/no-whole-backing-buffer': { count: 2 }, 'no-console': { count: 1 } } }),
    );
    expect(cli(root, ['check'])).toEqual({ code: 0, stdout: '✔ memsafe found no problems.\n', stderr: '' });
    writeFileSync(
      join(root, 'src/two.ts'),
      `${two}export const c = (bytes: Uint8Array) => new DataView(bytes.buffer);\n`,
    );
    const { code, stdout } = cli(root, ['check', '-f', 'json']);
    expect(lines(stdout)).toEqual([
      'two.ts:1 no-whole-backing-buffer',
      'two.ts:2 no-whole-backing-buffer',
      'two.ts:3 no-whole-backing-buffer',
    ]);
    expect(code).toBe(1);
  });

  it("--suppress-all writes the file in ESLint's format, keeping other rules; unused entries fail until pruned", () => {
    const root = project({ 'tsconfig.json': { compilerOptions: options }, 'src/two.ts': two });
    const suppressions = join(root, 'eslint-suppressions.json');
    writeFileSync(suppressions, JSON.stringify({ 'src/two.ts': { 'no-console': { count: 1 } } }));
    expect(cli(root, ['check', '--suppress-all']).code).toBe(0);
    expect(readFileSync(suppressions, 'utf8')).toBe(
      '{\n  "src/two.ts": {\n    "memsafe/no-whole-backing-buffer": {\n      "count": 2\n    },\n    "no-console": {\n      "count": 1\n    }\n  }\n}',
    );
    writeFileSync(join(root, 'src/two.ts'), 'export const a = (bytes: Uint8Array) => new DataView(bytes.buffer);\n');
    const stale = cli(root, ['check']);
    expect(stale.stdout).toBe('✔ memsafe found no problems.\n');
    expect(stale.stderr).toBe(
      'memsafe: There are suppressions left that do not occur anymore. Consider re-running the command with `--prune-suppressions`.\n',
    );
    expect(stale.code).toBe(2);
    expect(cli(root, ['check', '--pass-on-unpruned-suppressions']).code).toBe(0);
    expect(cli(root, ['check', '--prune-suppressions']).code).toBe(0);
    expect(JSON.parse(readFileSync(suppressions, 'utf8'))).toEqual({
      'src/two.ts': { 'memsafe/no-whole-backing-buffer': { count: 1 }, 'no-console': { count: 1 } },
    });
    expect(cli(root, ['check']).code).toBe(0);
  });

  it('takes the file from --suppressions-location, and one rule with --suppress-rule', () => {
    const root = project({
      'tsconfig.json': { compilerOptions: options },
      'src/two.ts': `${two}export const v = (d: DataView) => d.getUint32(0, true) + d.getUint16(4);\n`,
    });
    const location = join(root, 'ci', 'memsafe-suppressions.json');
    writeFileSync(join(root, 'memsafe.config.json'), '{ "preset": "strict" }');
    mkdirSync(join(root, 'ci'));
    const run = cli(root, [
      'check',
      '-f',
      'json',
      '--suppressions-location',
      location,
      '--suppress-rule',
      'explicit-endianness',
    ]);
    expect(lines(run.stdout)).toEqual(['two.ts:1 no-whole-backing-buffer', 'two.ts:2 no-whole-backing-buffer']);
    expect(JSON.parse(readFileSync(location, 'utf8'))).toEqual({
      'src/two.ts': { 'memsafe/explicit-endianness': { count: 1 } },
    });
  });

  it('refuses a suppressions file that is not JSON: exit 2', () => {
    const root = project({
      'tsconfig.json': { compilerOptions: options },
      'src/two.ts': two,
      'eslint-suppressions.json': '{',
    });
    const { code, stderr } = cli(root, ['check']);
    expect(stderr).toMatch(/^memsafe: cannot read the suppressions file .*eslint-suppressions\.json: /);
    expect(code).toBe(2);
  });
});
