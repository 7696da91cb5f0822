import { describe, expect, it } from 'vitest';
import { singleMemory } from '../../../../tools/wat.mjs';
import { ascontiguous, kernels, Memory, type View } from '../../src/index.js';
import { wasmKernelsAcross } from '../../src/kernels/wasm/instance.js';
import { KERNELS_MULTI_WASM } from '../../src/kernels/wasm/module.generated.js';

const major = Number(process.versions.node.split('.')[0]);

/** A memory of its own: views in two of these are in different WebAssembly.Memory objects. */
function ownMemory(bytes: number): Memory {
  return Memory.fromWasm(new WebAssembly.Memory({ initial: Math.ceil(bytes / 65536) }));
}

function f64(values: readonly number[], memory = ownMemory(values.length * 8)): View<'f64', 'C'> {
  const view = memory.view('f64', { shape: [values.length] });
  values.forEach((value, i) => view.set(value, i));
  return view;
}

describe('kernels over views in different wasm memories', () => {
  it('run the multi-memory module where the engine has multi-memory: Node 22 and later, not Node 20', () => {
    const validates = WebAssembly.validate(new Uint8Array(KERNELS_MULTI_WASM));
    expect(validates).toBe(major >= 22);
    expect(kernels.engine().multiMemory).toBe(validates);
    const a = new WebAssembly.Memory({ initial: 1 });
    const b = new WebAssembly.Memory({ initial: 1 });
    const ab = wasmKernelsAcross([a, b]);
    expect(ab !== undefined).toBe(validates);
    if (validates) {
      // One instance per ordered set of memories.
      expect(wasmKernelsAcross([a, b])).toBe(ab);
      expect(wasmKernelsAcross([b, a])).not.toBe(ab);
    }
  });

  it('take the SIMD dot where there is multi-memory, as its fused multiply-add shows', () => {
    // As in relaxed-simd.test.ts: fused, lane 0 ends at −2⁻⁶⁰; the JS loop rounds the product to 1 and gives 0.
    const x = f64([1, 0, 0, 0, 0, 0, 0, 0, 1 + 2 ** -30, 0, 0, 0, 0, 0, 0, 0]);
    const y = f64([-1, 0, 0, 0, 0, 0, 0, 0, 1 - 2 ** -30, 0, 0, 0, 0, 0, 0, 0]);
    const { multiMemory, relaxedSimd } = kernels.engine();
    expect(kernels.dot(x, y)).toBe(multiMemory && relaxedSimd ? -(2 ** -60) : 0);
  });

  it('give what the kernels give over one memory: sum, dot, axpy, scale', () => {
    const n = 1037;
    const xs = Array.from({ length: n }, (_, i) => ((i * 7919) % 1009) / 1009 - 0.5);
    const ys = Array.from({ length: n }, (_, i) => ((i * 104729) % 997) / 997);
    const shared = ownMemory(2 * n * 8);
    const oneX = f64(xs, shared);
    const oneY = shared.view('f64', { shape: [n], offset: n });
    ys.forEach((value, i) => oneY.set(value, i));
    const apart = { x: f64(xs), y: f64(ys) };
    // The same instructions in the same order give the same bits; Node 20's JS loop adds in another order.
    const same = (a: number, b: number) =>
      kernels.engine().multiMemory ? expect(a).toBe(b) : expect(Math.abs(a - b)).toBeLessThan(1e-12 * Math.abs(b));
    same(kernels.dot(apart.x, apart.y), kernels.dot(oneX, oneY));
    kernels.axpy(0.25, apart.x, apart.y);
    kernels.axpy(0.25, oneX, oneY);
    expect(apart.y.toArray()).toEqual(oneY.toArray());
    kernels.scale(3, apart.y);
    kernels.scale(3, oneY);
    expect(apart.y.toArray()).toEqual(oneY.toArray());
    same(kernels.sum(apart.y), kernels.sum(oneY));
  });

  it('copy a transpose and multiply matrices across three memories as in one', () => {
    const a = f64(Array.from({ length: 6 * 8 }, (_, i) => i / 7)).reshape([6, 8]);
    const b = f64(Array.from({ length: 8 * 5 }, (_, i) => 1 - i / 11)).reshape([8, 5]);
    const out = ownMemory(6 * 5 * 8).view('f64', { shape: [6, 5] });
    kernels.matmul(a, b, out);
    const inOne = kernels.matmul(ascontiguous(a), ascontiguous(b));
    expect(out.toArray()).toEqual(inOne.toArray());
    const t = ownMemory(8 * 6 * 8).view('f64', { shape: [8, 6] });
    kernels.assign(a.T, t);
    expect(t.toArray()).toEqual(ascontiguous(a.T).toArray());
  });
});

describe('singleMemory', () => {
  it('imports only $m0, the one memory that every load and store then uses', () => {
    const text = [
      '(module',
      '  (import "env" "m0" (memory $m0 0))',
      '  (import "env" "m1" (memory $m1 0))',
      '  ;; $m1 in a comment stays',
      '  (func (param $x i32) (param $y i32) (f64.store $m1 (local.get $y) (f64.load $m0 (local.get $x)))))',
    ].join('\n');
    expect(singleMemory(text)).toBe(
      [
        '(module',
        '  (import "env" "m0" (memory $m0 0))',
        '  ;; $m1 in a comment stays',
        '  (func (param $x i32) (param $y i32) (f64.store (local.get $y) (f64.load (local.get $x)))))',
      ].join('\n'),
    );
  });

  it('refuses text that names $m1 or $m2 anywhere else', () => {
    expect(() => singleMemory('(module (memory.size $m1))')).toThrow(
      'singleMemory: a reference to $m1 or $m2 is left outside a load or store',
    );
  });
});
