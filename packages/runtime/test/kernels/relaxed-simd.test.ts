import { describe, expect, it } from 'vitest';
import { kernels, Memory } from '../../src/index.js';
import { RELAXED_KERNELS_WASM } from '../../src/kernels/wasm/module.generated.js';

const major = Number(process.versions.node.split('.')[0]);

/**
 * x·y where one multiply-add tells fused from unfused: the first f64x2 accumulator's lane 0 holds
 * 1·(−1) = −1 when x[8]·y[8] = (1 + 2⁻³⁰)(1 − 2⁻³⁰) = 1 − 2⁻⁶⁰ arrives. Fused, −1 + (1 − 2⁻⁶⁰) is
 * −2⁻⁶⁰ exactly; unfused, the product rounds to 1 first and the sum is 0.
 */
const X = [1, 0, 0, 0, 0, 0, 0, 0, 1 + 2 ** -30, 0, 0, 0, 0, 0, 0, 0];
const Y = [-1, 0, 0, 0, 0, 0, 0, 0, 1 - 2 ** -30, 0, 0, 0, 0, 0, 0, 0];
const FUSED = -(2 ** -60);

describe('dot with relaxed SIMD', () => {
  it('is what the engine runs where it validates relaxed SIMD: Node 21 and later, not Node 20', () => {
    const validates = WebAssembly.validate(new Uint8Array(RELAXED_KERNELS_WASM));
    expect(validates).toBe(major >= 21);
    expect(kernels.engine()).toEqual({ simd: true, relaxedSimd: validates, multiMemory: major >= 22 });
  });

  it('fuses each multiply into its add where the engine has relaxed SIMD, and rounds twice where not', () => {
    const x = Memory.alloc(X.length * 8, { placement: 'wasm' }).view('f64', { shape: [X.length] });
    const y = Memory.alloc(Y.length * 8, { placement: 'wasm' }).view('f64', { shape: [Y.length] });
    X.forEach((value, i) => x.set(value, i));
    Y.forEach((value, i) => y.set(value, i));
    // V8 lowers relaxed_madd to an FMA instruction on an x64 processor with FMA3, as the one CI runs on.
    expect(kernels.dot(x, y)).toBe(kernels.engine().relaxedSimd ? FUSED : 0);
    // Outside wasm memory the JS loop runs, which never fuses.
    const jsX = Memory.copyOf(x.toTypedArray(), { placement: 'js' }).view('f64', { shape: [X.length] });
    const jsY = Memory.copyOf(y.toTypedArray(), { placement: 'js' }).view('f64', { shape: [Y.length] });
    expect(kernels.dot(jsX, jsY)).toBe(0);
    x.memory.free();
    y.memory.free();
  });

  it('fuses f32 products too, accumulating in f32 lanes', () => {
    const a = 1 + 2 ** -13;
    const b = 1 - 2 ** -13;
    // Lane 0 of the first f32x4 accumulator: −1, then a·b = 1 − 2⁻²⁶, which rounds to 1 in f32 unfused.
    const xs = [1, ...Array<number>(15).fill(0), a, ...Array<number>(15).fill(0)];
    const ys = [-1, ...Array<number>(15).fill(0), b, ...Array<number>(15).fill(0)];
    const x = Memory.copyOf(Float32Array.from(xs)).view('f32', { shape: [xs.length] });
    const y = Memory.copyOf(Float32Array.from(ys)).view('f32', { shape: [ys.length] });
    expect(kernels.dot(x, y)).toBe(kernels.engine().relaxedSimd ? -(2 ** -26) : 0);
    x.memory.free();
    y.memory.free();
  });
});
