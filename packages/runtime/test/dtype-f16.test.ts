// dtype f16 exists where the engine has Float16Array (Node 24 and later); tools/test-on-nodes.mjs
// runs this on Node 20, 24 and 26. What a stored value becomes is compared with NumPy's float16.
import { spawnSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { DtypeError, DTYPES, fromValues, kernels, Memory, viewOf } from '../src/index.js';
import { SeededRandom } from './numpy/seeded-random.js';

const hasFloat16 = typeof (globalThis as { Float16Array?: unknown }).Float16Array === 'function';
const major = Number(process.versions.node.split('.')[0]);

/** NumPy's float16 of each value, read back as a double (sent and received as text: JSON has no NaN, infinities or -0). */
function numpyFloat16(values: readonly number[]): number[] {
  const script = [
    'import json, sys',
    'import numpy as np',
    'values = np.array([float(text) for text in json.load(sys.stdin)], dtype=np.float64)',
    "with np.errstate(over='ignore'):",
    '    halves = values.astype(np.float16).astype(np.float64)',
    'print(json.dumps([repr(float(x)) for x in halves]))',
  ].join('\n');
  const input = JSON.stringify(values.map(value => (Object.is(value, -0) ? '-0.0' : String(value))));
  const result = spawnSync('python3', ['-c', script], { input, encoding: 'utf8' });
  if (result.status !== 0) throw new Error(`python3 with numpy failed: ${result.stderr}`);
  const PYTHON: Readonly<Record<string, number>> = { nan: NaN, inf: Infinity, '-inf': -Infinity };
  return (JSON.parse(result.stdout) as string[]).map(text => PYTHON[text] ?? Number(text));
}

describe('dtype f16', () => {
  it('exists exactly where the engine has Float16Array, and says so where it does not', () => {
    expect(hasFloat16).toBe(major >= 24);
    expect(DTYPES.includes('f16')).toBe(hasFloat16);
    if (!hasFloat16) {
      expect(() => Memory.alloc(4).view('f16', { shape: [2] })).toThrow(
        new DtypeError('dtype f16 needs Float16Array, which this JavaScript engine lacks (Node 24 and later have it)'),
      );
      return;
    }
    expect(Memory.alloc(4).view('f16', { shape: [2] }).itemsize).toBe(2);
    expect(viewOf(new (globalThis as unknown as { Float16Array: Float32ArrayConstructor }).Float16Array(3)).dtype).toBe(
      'f16',
    );
  });

  it('stores each number as NumPy’s float16 does: round to nearest even, subnormals, signed zero', () => {
    if (!hasFloat16) return expect(major).toBeLessThan(24);
    const random = new SeededRandom(0x16);
    const values = [
      0,
      -0,
      1,
      -1,
      0.1,
      1 / 3,
      2049,
      2050,
      2051,
      4097,
      65504,
      -65504,
      65519.99,
      6e-8,
      5.96e-8,
      2.98e-8,
      1e-9,
      6.1e-5,
      NaN,
      Infinity,
      -Infinity,
      ...Array.from({ length: 500 }, () => (random.next() - 0.5) * 10 ** random.int(-9, 4)),
    ];
    const stored = fromValues('f16', values).toArray();
    // toEqual tells -0 from 0 and takes NaN as equal to NaN.
    expect(stored).toEqual(numpyFloat16(values));
  });

  it('refuses a finite number f16 would store as Infinity, and the kernels name the views they take', () => {
    if (!hasFloat16) return expect(major).toBeLessThan(24);
    expect(() => fromValues('f16', [65520])).toThrow(
      new DtypeError('65520 is beyond the range of f16 (±65504) and would be stored as Infinity; use an f32 view'),
    );
    // @ts-expect-error The kernels' signatures take f32 and f64 views: f16 is refused before it runs, too.
    expect(() => kernels.sum(fromValues('f16', [1, 2]))).toThrow(
      'kernels.sum works on f32 and f64 views, got f16; copy into an f32 or f64 view first',
    );
  });
});
