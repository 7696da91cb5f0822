/**
 * The kernels against NumPy on random data: random layouts over one memory (negative strides,
 * offsets, size-0 and size-1 axes, transposes), both dtypes, memory placed in an ArrayBuffer (the
 * JS kernels) and in wasm memory (the SIMD kernels). One python3 process answers every case.
 *
 * Tolerances: sums and dots agree within 1e-12 (f64) or 1e-5 (f32) of the sum of absolute terms,
 * which bounds pairwise summation's error in either order of addition; axpy and scale agree within
 * one rounding of the magnitudes involved, eps · (|old| + |alpha| · max|x|) (NumPy rounds
 * `alpha * x` to f32 first, the JS path only once at the store); copies are exact.
 */
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { kernels, Memory, type FloatDType, type Placement, type View } from '../../src/index.js';
import { SeededRandom, seedFromEnv } from './seeded-random.js';

interface Layout {
  shape: number[];
  strides: number[];
  offset: number;
}

type Op = 'sum' | 'dot' | 'axpy' | 'scale' | 'ascontiguous' | 'matmul';

interface KernelCase {
  dtype: FloatDType;
  placement: Placement;
  memory: number[];
  x: Layout;
  y?: Layout;
  op: Op;
  alpha?: number;
}

const CASES = 600;
const ORACLE = fileURLToPath(new URL('./kernel_oracle.py', import.meta.url));
const seed = seedFromEnv();
const replay = `MEMSAFE_SEED=${seed} npx vitest run packages/runtime/test/numpy/kernels.test.ts`;

/** A random layout of `shape`: axes permuted, some reversed, gaps between elements, an offset. */
function randomLayout(random: SeededRandom, shape: number[], start: number): { layout: Layout; end: number } {
  const order = shape.map((_, axis) => axis).sort(() => random.next() - 0.5);
  const strides = new Array<number>(shape.length).fill(0);
  let step = random.int(1, 2);
  for (const axis of order.reverse()) {
    strides[axis] = step;
    step *= Math.max(shape[axis]!, 1) + (random.chance(0.2) ? 1 : 0);
  }
  let offset = start;
  for (let axis = 0; axis < shape.length; axis++) {
    if (random.chance(0.3) && shape[axis]! > 1) {
      offset += strides[axis]! * (shape[axis]! - 1);
      strides[axis] = -strides[axis]!;
    }
  }
  const span = shape.reduce((sum, n, axis) => sum + Math.max(n - 1, 0) * Math.abs(strides[axis]!), 0);
  return { layout: { shape, strides, offset }, end: start + span + 1 };
}

function randomShape(random: SeededRandom): number[] {
  if (random.chance(0.25)) return [random.int(0, 3000)];
  const ndim = random.int(0, 3);
  return Array.from({ length: ndim }, () => (random.chance(0.15) ? random.int(0, 1) : random.int(2, 9)));
}

function randomCase(random: SeededRandom): KernelCase {
  const op = random.pick<Op>(['sum', 'dot', 'axpy', 'scale', 'ascontiguous', 'matmul']);
  // matmul: x is m×k and y is k×n, sized to reach past the SIMD module's 4-row, 2-vector blocks.
  const [m, k, n] = [random.int(0, 11), random.int(0, 11), random.int(0, 11)];
  const shape = op === 'matmul' ? [m, k] : randomShape(random);
  const x = randomLayout(random, shape, random.int(0, 3));
  const yShape = op === 'matmul' ? [k, n] : shape;
  const y =
    op === 'dot' || op === 'axpy' || op === 'matmul'
      ? randomLayout(random, yShape, x.end + random.int(0, 3))
      : undefined;
  const length = (y?.end ?? x.end) + random.int(0, 3);
  const dtype = random.pick<FloatDType>(['f64', 'f32']);
  // Values that f32 holds exactly, so both sides start from the same numbers.
  const memory = Array.from({ length }, () => Math.fround((random.next() - 0.5) * 2 ** random.int(-4, 8)));
  return {
    dtype,
    placement: random.pick<Placement>(['js', 'wasm']),
    memory,
    x: x.layout,
    op,
    ...(y === undefined ? {} : { y: y.layout }),
    ...(op === 'axpy' || op === 'scale' ? { alpha: Math.fround(random.next() * 4 - 2) } : {}),
  };
}

function askNumPy(cases: readonly KernelCase[]): unknown[] {
  const result = spawnSync('python3', [ORACLE], { input: JSON.stringify(cases), encoding: 'utf8', maxBuffer: 1 << 30 });
  if (result.status !== 0) throw new Error(`python3 ${ORACLE} failed: ${result.error?.message ?? result.stderr}`);
  return JSON.parse(result.stdout) as unknown[];
}

/** The case run by the runtime: the answer in the oracle's form. */
function runtimeAnswer(testCase: KernelCase): number | number[] {
  const itemsize = testCase.dtype === 'f64' ? 8 : 4;
  const memory = Memory.alloc(testCase.memory.length * itemsize, { placement: testCase.placement });
  try {
    return runOn(memory, testCase);
  } finally {
    memory.free();
  }
}

function runOn(memory: Memory, testCase: KernelCase): number | number[] {
  const { dtype, placement } = testCase;
  const all = memory.view(dtype, { shape: [testCase.memory.length] });
  all.liveArray().set(testCase.memory);
  const x = memory.view(dtype, testCase.x);
  const y = testCase.y === undefined ? undefined : memory.view(dtype, testCase.y);
  const contiguous = x.isCContiguous && (y === undefined || y.isCContiguous);
  switch (testCase.op) {
    case 'sum':
      return contiguous ? kernels.sum(x as View<FloatDType, 'C'>) : kernels.strided.sum(x);
    case 'dot':
      return contiguous
        ? kernels.dot(x as View<FloatDType, 'C'>, y as View<FloatDType, 'C'>)
        : kernels.strided.dot(x, y!);
    case 'axpy':
      if (contiguous) kernels.axpy(testCase.alpha!, x as View<FloatDType, 'C'>, y as View<FloatDType, 'C'>);
      else kernels.strided.axpy(testCase.alpha!, x, y!);
      return Array.from(all.liveArray());
    case 'scale':
      if (contiguous) kernels.scale(testCase.alpha!, x as View<FloatDType, 'C'>);
      else kernels.strided.scale(testCase.alpha!, x);
      return Array.from(all.liveArray());
    case 'matmul': {
      const [m, n] = [x.shape[0]!, y!.shape[1]!];
      // The product goes where its operands are: in wasm memory the SIMD module's blocked product may run.
      const out = Memory.alloc(m * n * x.itemsize, { placement }).view(dtype, { shape: [m, n] });
      const values = Array.from(kernels.matmul(x, y!, out).liveArray());
      out.memory.free();
      return values;
    }
    case 'ascontiguous': {
      // The copy goes where the source is: in wasm memory the SIMD module's tiled copy may run.
      const copy = kernels.ascontiguous(x, { placement });
      const values = Array.from(copy.liveArray());
      copy.memory.free();
      return values;
    }
  }
}

/** Why the runtime's answer is not NumPy's within the stated tolerance, or undefined when it is. */
function mismatch(testCase: KernelCase, ours: number | number[], numpy: unknown): string | undefined {
  const f32 = testCase.dtype === 'f32';
  if (typeof ours === 'number') {
    const terms = scaleOf(testCase);
    const tolerance = (f32 ? 1e-5 : 1e-12) * terms + Number.MIN_VALUE;
    return Math.abs(ours - (numpy as number)) <= tolerance
      ? undefined
      : `got ${ours}, NumPy ${String(numpy)} (tolerance ${tolerance})`;
  }
  const expected = numpy as number[];
  if (ours.length !== expected.length) return `got ${ours.length} elements, NumPy ${expected.length}`;
  if (testCase.op === 'matmul') {
    // Each element sums k products, in either order: within k roundings of k · max|x| · max|y|.
    const k = testCase.x.shape[1]!;
    const largest = Math.max(0, ...testCase.memory.map(Math.abs)) ** 2;
    const tolerance = (f32 ? 2 ** -22 : 2 ** -51) * k * k * largest;
    const wrong = ours.findIndex((value, i) => Math.abs(value - expected[i]!) > tolerance);
    return wrong < 0 ? undefined : `element ${wrong}: got ${ours[wrong]}, NumPy ${expected[wrong]}`;
  }
  // One rounding of a result made from `old` and `alpha * x` is at most eps · (|old| + |alpha| · max|x|).
  const eps = testCase.op === 'ascontiguous' ? 0 : f32 ? 2 ** -23 : 2 ** -52;
  const largest = Math.max(0, ...testCase.memory.map(Math.abs)) * Math.max(1, Math.abs(testCase.alpha ?? 0));
  const tolerance = (i: number) => eps * (Math.abs(testCase.memory[i] ?? 0) + largest);
  const bad = ours.findIndex((value, i) => Math.abs(value - expected[i]!) > tolerance(i));
  return bad < 0 ? undefined : `element ${bad}: got ${ours[bad]}, NumPy ${expected[bad]}`;
}

/** The sum of absolute terms of a reduction: the scale its rounding error is measured against. */
function scaleOf(testCase: KernelCase): number {
  const memory = Memory.alloc(testCase.memory.length * 8);
  const all = memory.view('f64', { shape: [testCase.memory.length] });
  all.liveArray().set(testCase.memory.map(Math.abs));
  const x = memory.view('f64', testCase.x);
  if (testCase.op === 'sum') return kernels.strided.sum(x);
  return kernels.strided.dot(x, memory.view('f64', testCase.y!));
}

/** What the random cases must include, each a claim of the test below. */
const CLAIMS: Readonly<Record<string, (testCase: KernelCase) => boolean>> = {
  'a SIMD-shaped product in wasm memory': c =>
    c.op === 'matmul' && c.placement === 'wasm' && c.y!.strides[1] === 1 && c.x.shape[0]! >= 4 && c.y!.shape[1]! >= 4,
  'a negative stride': c => c.x.strides.some(s => s < 0),
  'a size-0 axis': c => c.x.shape.includes(0),
  'a size-1 axis': c => c.x.shape.includes(1),
  'a long run summed in wasm memory': c =>
    c.x.shape.length === 1 && c.x.shape[0]! > 1024 && c.placement === 'wasm' && c.op === 'sum',
};

/**
 * One case per claim, drawn from the same generator until the claim holds: 600 draws miss a rare
 * shape for some seeds, and a seed must never decide whether the test passes.
 */
function casesForClaims(random: SeededRandom): KernelCase[] {
  return Object.entries(CLAIMS).map(([claim, holds]) => {
    for (let draw = 0; draw < 100_000; draw++) {
      const testCase = randomCase(random);
      if (holds(testCase)) return testCase;
    }
    throw new Error(`no case in 100,000 draws is ${claim}: the generator no longer makes one`);
  });
}

describe(`the kernels against NumPy (seed ${seed}; replay: ${replay})`, () => {
  const random = new SeededRandom(seed);
  const cases = [...Array.from({ length: CASES }, () => randomCase(random)), ...casesForClaims(random)];
  const answers = askNumPy(cases);

  it(`agrees on ${cases.length} random cases (${CASES}, and one for each claim below), in both placements and dtypes`, () => {
    const failures = cases.flatMap((testCase, i) => {
      const problem = mismatch(testCase, runtimeAnswer(testCase), answers[i]);
      return problem === undefined
        ? []
        : [
            `${testCase.op} ${testCase.dtype} ${testCase.placement} ${JSON.stringify({ ...testCase, memory: `${testCase.memory.length} values` })}: ${problem}`,
          ];
    });
    expect(failures.slice(0, 5)).toEqual([]);
  });

  it('covered what it claims: both placements, negative strides, size-0 and size-1 axes, long runs, SIMD-shaped products', () => {
    expect(new Set(cases.map(c => c.placement))).toEqual(new Set(['js', 'wasm']));
    expect(
      Object.entries(CLAIMS)
        .filter(([, holds]) => !cases.some(holds))
        .map(([claim]) => claim),
    ).toEqual([]);
  });
});
