import { describe, expect, it } from 'vitest';
import {
  ascontiguous,
  checkContiguous,
  copy,
  DtypeError,
  fromValues,
  kernels,
  Memory,
  NonContiguousError,
  ShapeError,
  WouldCopyError,
  type View,
} from '../../src/index.js';

function arange(shape: number[]): View<'f64', 'C', 0>;
function arange<D extends 'f64' | 'f32'>(shape: number[], dtype: D): View<D, 'C', 0>;
function arange(shape: number[], dtype: 'f64' | 'f32' = 'f64') {
  const n = shape.reduce((a, b) => a * b, 1);
  return fromValues(
    dtype,
    Array.from({ length: n }, (_, i) => i),
    shape,
  );
}

/** The cut from the seed question: a 6×8 array sliced to 6×6, whose rows are 8 apart. */
const cut = () => arange([6, 8]).slice(':, :6');

describe('contiguous kernels', () => {
  it('sum, dot, axpy, scale and fill read C-contiguous views linearly, offset included', () => {
    const rows = arange([4, 3]).slice('1:3');
    expect(kernels.sum(rows as View<'f64', 'C'>)).toBe(3 + 4 + 5 + 6 + 7 + 8);
    const x = arange([3]);
    const y = fromValues('f64', [1, 1, 1]);
    expect(kernels.dot(x, y)).toBe(3);
    kernels.axpy(2, x, y);
    expect(y.toArray()).toEqual([1, 3, 5]);
    kernels.scale(0.5, y);
    expect(y.toArray()).toEqual([0.5, 1.5, 2.5]);
    kernels.fill(y, 4);
    expect(y.toArray()).toEqual([4, 4, 4]);
  });

  it.each([
    ['sum', (v: View<'f64'>) => kernels.sum(v as View<'f64', 'C'>)],
    ['dot', (v: View<'f64'>) => kernels.dot(v as View<'f64', 'C'>, v as View<'f64', 'C'>)],
    ['axpy', (v: View<'f64'>) => kernels.axpy(1, v as View<'f64', 'C'>, copy(v))],
    ['scale', (v: View<'f64'>) => kernels.scale(2, v as View<'f64', 'C'>)],
    ['fill', (v: View<'f64'>) => kernels.fill(v as View<'f64', 'C'>, 0)],
  ])('%s throws NonContiguousError for a strided view, naming ascontiguous() and the strided kernel', (name, run) => {
    expect(() => run(cut())).toThrow(NonContiguousError);
    expect(() => run(cut())).toThrow(`kernels.${name} reads memory linearly`);
    expect(() => run(cut())).toThrow(`pass ascontiguous(view) for an explicit copy, or call kernels.strided.${name}`);
  });

  it('the explicit copy then works', () => {
    expect(kernels.sum(ascontiguous(cut()))).toBe(kernels.strided.sum(cut()));
  });

  it('name wrong dtypes and shapes', () => {
    const ints = fromValues('i32', [1, 2]);
    expect(() => kernels.sum(ints as never)).toThrow(DtypeError);
    expect(() => kernels.dot(arange([2]), arange([2], 'f32') as never)).toThrow(/one dtype, got f64 and f32/);
    expect(() => kernels.dot(arange([2]), arange([3]))).toThrow(ShapeError);
    expect(() => kernels.axpy('2' as never, arange([2]), arange([2]))).toThrow(DtypeError);
    expect(() => kernels.fill(arange([2]), 1n as never)).toThrow(DtypeError);
    kernels.fill(fromValues('i64', [1n, 2n]), 5n);
  });

  it('refuse to axpy into overlapping memory, but allow the very same view', () => {
    const a = arange([6]);
    expect(() => kernels.axpy(1, a.slice('0:4') as View<'f64', 'C'>, a.slice('2:6') as View<'f64', 'C'>)).toThrow(
      WouldCopyError,
    );
    kernels.axpy(1, a, a);
    expect(a.toArray()).toEqual([0, 2, 4, 6, 8, 10]);
  });
});

describe('strided kernels', () => {
  it('follow any layout: cut, transposed, reversed, 0-d and empty', () => {
    const c = cut();
    const expected = c.toArray().reduce((s, v) => s + v, 0);
    expect(kernels.strided.sum(c)).toBe(expected);
    expect(kernels.strided.sum(c.T)).toBe(expected);
    expect(kernels.strided.sum(c.slice('::-1, ::-2'))).toBe(
      c
        .slice('::-1, ::-2')
        .toArray()
        .reduce((s, v) => s + v, 0),
    );
    expect(kernels.strided.sum(c.slice('2, 3'))).toBe(19);
    expect(kernels.strided.sum(c.slice(':0'))).toBe(0);
    expect(kernels.strided.dot(c, c.T.T)).toBe(c.toArray().reduce((s, v) => s + v * v, 0));
  });

  it('axpy, scale and fill write only the view’s elements', () => {
    const a = arange([6, 8]);
    const c = a.slice(':, :6');
    kernels.strided.fill(c, 0);
    expect(a.slice(':, 6:').toArray()).toEqual(arange([6, 8]).slice(':, 6:').toArray());
    expect(kernels.strided.sum(c)).toBe(0);
    kernels.strided.axpy(2, arange([6, 6]).T, c);
    expect(c.get(1, 0)).toBe(2);
    kernels.strided.scale(3, c);
    expect(c.get(1, 0)).toBe(6);
    expect(a.get(1, 7)).toBe(15);
  });
});

describe('assign, copy and ascontiguous', () => {
  it('assign copies any layout into any layout', () => {
    const source = arange([3, 4]);
    const target = Memory.alloc(8 * 12).view('f64', { shape: [4, 3] }).T;
    kernels.assign(source, target);
    expect(target.toArray()).toEqual(source.toArray());
  });

  it('assign refuses overlap that would read what it already wrote', () => {
    const a = arange([3, 3]);
    expect(() => kernels.assign(a, a.T)).toThrow(WouldCopyError);
    expect(() => kernels.assign(a, a.T)).toThrow(/copy\(source\)/);
    kernels.assign(copy(a.T), a);
    expect(a.toArray()).toEqual([0, 3, 6, 1, 4, 7, 2, 5, 8]);
  });

  it('assign checks dtype and shape', () => {
    expect(() => kernels.assign(arange([2]), arange([3]))).toThrow(ShapeError);
    expect(() => kernels.assign(arange([2]), arange([2], 'f32') as never)).toThrow(DtypeError);
  });

  it('copy and ascontiguous always allocate, even for a contiguous input', () => {
    const a = arange([2, 3]);
    const c = ascontiguous(a);
    c.set(-1, 0, 0);
    expect(a.get(0, 0)).toBe(0);
    expect(c.memory).not.toBe(a.memory);
    const f = copy(a, 'F');
    expect(f.isFContiguous).toBe(true);
    expect(f.strides).toEqual([1, 2]);
    expect(f.toArray()).toEqual(a.toArray());
    expect(() => copy(a, 'K' as never)).toThrow(ShapeError);
  });

  it('ascontiguous of a transposed 2-D view is the transpose, C-contiguous', () => {
    const t = ascontiguous(arange([2, 3]).T);
    expect(t.isCContiguous).toBe(true);
    expect(t.toArray()).toEqual([0, 3, 1, 4, 2, 5]);
  });
});

describe('matmul', () => {
  it('multiplies views of any layout', () => {
    const a = arange([2, 3]);
    const b = arange([3, 2]);
    expect(kernels.matmul(a, b).toArray()).toEqual([10, 13, 28, 40]);
    expect(kernels.matmul(b.T, a.T).toArray()).toEqual([10, 28, 13, 40]);
    expect(kernels.matmul(arange([2, 0]), arange([0, 2])).toArray()).toEqual([0, 0, 0, 0]);
  });

  it('writes into out, of any layout, and checks it', () => {
    const out = Memory.alloc(32).view('f64', { shape: [2, 2] }).T;
    expect(kernels.matmul(arange([2, 3]), arange([3, 2]), out)).toBe(out);
    expect(out.toArray()).toEqual([10, 13, 28, 40]);
    expect(() => kernels.matmul(arange([2, 3]), arange([3, 2]), arange([3, 2]))).toThrow(
      /out has shape \[3, 2\], expected \[2, 2\]/,
    );
    const square = arange([2, 2]);
    expect(() => kernels.matmul(square, arange([2, 2]), square)).toThrow(WouldCopyError);
  });

  it('names misaligned shapes, wrong ranks and dtypes', () => {
    expect(() => kernels.matmul(arange([2, 3]), arange([2, 3]))).toThrow(/do not align \(3 != 2\)/);
    expect(() => kernels.matmul(arange([6]), arange([6]))).toThrow(/2-D views, got 1-D and 1-D/);
    expect(() => kernels.matmul(arange([2, 2]), arange([2, 2], 'f32') as never)).toThrow(DtypeError);
  });
});

describe('assign onto itself', () => {
  it('is allowed for the very same elements, which it leaves as they are', () => {
    const a = arange([2, 3]);
    kernels.assign(a, a);
    expect(a.toArray()).toEqual([0, 1, 2, 3, 4, 5]);
  });
});

describe('overlap in shared wasm memory', () => {
  it('is seen across the buffer objects that growth hands out for the same bytes', () => {
    const memory = new WebAssembly.Memory({ initial: 1, maximum: 2, shared: true });
    const mem = Memory.fromWasm(memory);
    const before = mem.view('f64', { shape: [4] });
    before.get(0);
    mem.grow(1);
    const after = mem.view('f64', { shape: [4], offset: 1 });
    expect(() => kernels.assign(before, after)).toThrow(WouldCopyError);
  });
});

describe('empty views', () => {
  // NumPy allows an empty view to sit at either end of its memory, or past it with any stride
  // (`a[::-1]` of an empty array, `a[5:]`); every kernel takes them and does nothing.
  it('pass every kernel at any offset and stride, in either placement', () => {
    const placements = ['js', 'wasm'] as const;
    let runs = 0;
    for (const placement of placements) {
      for (const offset of [0, 2, 3]) {
        for (const stride of [-2, -1, 0, 1, 2]) {
          // An empty view is C-contiguous whatever its strides; checkContiguous gives it that type.
          const empty = checkContiguous(
            Memory.alloc(24, { placement }).view('f64', { shape: [2, 0], strides: [stride, 1], offset }),
          );
          for (const other of placements) {
            const at = checkContiguous(
              Memory.alloc(16, { placement: other }).view('f64', { shape: [2, 0], strides: [0, 1], offset: 2 }),
            );
            for (const [target, source] of [
              [empty, at],
              [at, empty],
              [empty, empty],
            ] as const) {
              kernels.assign(target, source);
              kernels.axpy(1, source, target);
              expect(kernels.dot(target, source)).toBe(0);
              runs++;
            }
          }
          expect(kernels.sum(empty)).toBe(0);
          kernels.fill(empty, 1);
          kernels.scale(2, empty);
          expect(kernels.ascontiguous(empty).shape).toEqual([2, 0]);
        }
      }
    }
    expect(runs).toBe(2 * 3 * 5 * 2 * 3);
  });
});

describe('two SharedArrayBuffer objects over one memory', () => {
  // structuredClone of a SharedArrayBuffer is a new object over the same bytes, as is one a worker
  // sends back; the kernels cannot tell, so they must give the right answer either way.
  const shared = (values: number[]) => {
    const sab = new SharedArrayBuffer(values.length * 8);
    new Float64Array(sab).set(values);
    return sab;
  };

  it('axpy, assign and matmul read a source that is the same memory as their target as it was', () => {
    const sab = shared([1, 2, 3, 4, 5]);
    const alias = structuredClone(sab);
    expect(alias).not.toBe(sab);
    const x = Memory.fromArrayBuffer(sab).view('f64', { shape: [4] });
    const y = Memory.fromArrayBuffer(alias).view('f64', { shape: [4], offset: 1 });
    kernels.axpy(1, x, y);
    expect(Array.from(new Float64Array(sab))).toEqual([1, 3, 5, 7, 9]);
    const sab2 = shared([1, 2, 3, 4, 5]);
    kernels.assign(
      Memory.fromArrayBuffer(sab2).view('f64', { shape: [4] }),
      Memory.fromArrayBuffer(structuredClone(sab2)).view('f64', { shape: [4], offset: 1 }),
    );
    expect(Array.from(new Float64Array(sab2))).toEqual([1, 1, 2, 3, 4]);
    const square = shared([1, 2, 3, 4]);
    const a = Memory.fromArrayBuffer(square).view('f64', { shape: [2, 2] });
    kernels.matmul(a, a, Memory.fromArrayBuffer(structuredClone(square)).view('f64', { shape: [2, 2] }));
    expect(Array.from(new Float64Array(square))).toEqual([7, 10, 15, 22]);
  });

  it('work in place on separate shared buffers, whatever their bytes', () => {
    const x = Memory.fromArrayBuffer(shared([1, 2, 3])).view('f64', { shape: [3] });
    const y = Memory.fromArrayBuffer(shared([10, 20, 30])).view('f64', { shape: [3] });
    kernels.axpy(2, x, y);
    expect(y.toArray()).toEqual([12, 24, 36]);
    const zeros = Memory.fromArrayBuffer(shared([0, 0, 0])).view('f64', { shape: [3] });
    kernels.assign(Memory.fromArrayBuffer(shared([0, 0, 0])).view('f64', { shape: [3] }), zeros);
    expect(zeros.toArray()).toEqual([0, 0, 0]);
  });
});
