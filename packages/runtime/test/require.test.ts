import { spawnSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';

/** The built package, loaded the way a user's Node process loads it. */
function runNode(args: string[]): { status: number | null; stdout: string; stderr: string } {
  const result = spawnSync(process.execPath, args, { encoding: 'utf8', cwd: new URL('.', import.meta.url).pathname });
  return { status: result.status, stdout: result.stdout.trim(), stderr: result.stderr };
}

const probe = `
const v = m.fromValues('f64', [1, 2, 3, 4, 5, 6], [2, 3]);
console.log(JSON.stringify([m.kernels.sum(v), v.T.isFContiguous, typeof m.Memory.fromWasm]));
`;

describe('the built package', () => {
  it('loads with require() from CommonJS, as CommonJS (Node before 20.19 cannot require ESM)', () => {
    const result = runNode([
      '-e',
      `console.log(require.resolve('@memsafe/runtime'));const m = require('@memsafe/runtime');${probe}`,
    ]);
    expect(result.stderr).toBe('');
    const [resolved, output] = result.stdout.split('\n');
    expect(resolved).toMatch(/packages\/runtime\/dist\/cjs\/index\.js$/);
    expect(output).toBe('[21,true,"function"]');
  });

  it('loads with import from ESM', () => {
    const result = runNode(['--input-type=module', '-e', `import * as m from '@memsafe/runtime';${probe}`]);
    expect(result.stderr).toBe('');
    expect(result.stdout).toBe('[21,true,"function"]');
  });

  it('runs where WebAssembly is missing: kernels take the JS path, a wasm placement is an UnsupportedError', () => {
    const script = `
const m = require('@memsafe/runtime');
const v = m.fromValues('f64', [1, 2, 3, 4, 5, 6], [2, 3]);
let error;
try { m.Memory.alloc(8, { placement: 'wasm' }); } catch (e) { error = e; }
console.log(JSON.stringify([typeof WebAssembly, m.kernels.sum(v), m.Memory.alloc(8).kind, error.code, error.message]));`;
    // An engine without WebAssembly, on every Node: V8 dropped the `--no-expose-wasm` flag by Node 24.
    const result = runNode(['-e', `delete globalThis.WebAssembly;${script}`]);
    expect(result.stderr).toBe('');
    expect(JSON.parse(result.stdout)).toEqual([
      'undefined',
      21,
      'array-buffer',
      'ERR_MEMSAFE_UNSUPPORTED',
      "placement: 'wasm' needs WebAssembly, which this JavaScript engine does not offer; leave placement out to allocate an ArrayBuffer",
    ]);
  });
});
