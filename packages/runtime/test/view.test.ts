import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import {
  DtypeError,
  fromValues,
  IndexError,
  Memory,
  MisalignedError,
  OutOfBoundsError,
  ShapeError,
  WouldCopyError,
} from '../src/index.js';

/** 0, 1, …, n-1 as a C-contiguous f64 view of `shape`. */
function arange(shape: number[]) {
  const n = shape.reduce((a, b) => a * b, 1);
  return fromValues(
    'f64',
    Array.from({ length: n }, (_, i) => i),
    shape,
  );
}

describe('mem.view', () => {
  it('lays out C order by default, with strides and offset in elements', () => {
    const view = Memory.alloc(8 * 48).view('f64', { shape: [6, 8] });
    expect(view.strides).toEqual([8, 1]);
    expect(view.offset).toBe(0);
    expect(view.ndim).toBe(2);
    expect(view.size).toBe(48);
    expect(view.itemsize).toBe(8);
    expect(view.isCContiguous).toBe(true);
    expect(view.isFContiguous).toBe(false);
  });

  it('accepts explicit, negative and zero strides that stay inside the memory', () => {
    const mem = Memory.alloc(8 * 10);
    const reversed = mem.view('f64', { shape: [10], strides: [-1], offset: 9 });
    const broadcast = mem.view('f64', { shape: [3, 10], strides: [0, 1] });
    mem
      .view('f64', { shape: [10] })
      .asTypedArray()
      .set([0, 1, 2, 3, 4, 5, 6, 7, 8, 9]);
    expect(reversed.toArray()).toEqual([9, 8, 7, 6, 5, 4, 3, 2, 1, 0]);
    expect(broadcast.get(2, 4)).toBe(4);
  });

  it('refuses a view that reaches outside the memory, on either side', () => {
    const mem = Memory.alloc(8 * 10);
    expect(() => mem.view('f64', { shape: [11] })).toThrow(OutOfBoundsError);
    expect(() => mem.view('f64', { shape: [10], strides: [-1], offset: 8 })).toThrow(/reaches elements -1\.\.8/);
    expect(() => mem.view('f64', { shape: [2], offset: 9 })).toThrow(OutOfBoundsError);
    expect(() => mem.view('f64', { shape: [0], offset: 11 })).toThrow(OutOfBoundsError);
    expect(mem.view('f64', { shape: [0], offset: 10 }).size).toBe(0);
  });

  it.each([
    [{ shape: [-1] }, /shape\[0\] must be a non-negative integer, got -1/],
    [{ shape: [2.5] }, /got 2.5/],
    [{ shape: [Number.NaN] }, /got NaN/],
    [{ shape: 3 }, /shape must be an array/],
    [{ shape: [2], strides: [1.5] }, /strides\[0\] must be an integer/],
    [{ shape: [2], strides: [1, 1] }, /one per axis/],
    [{ shape: [2], offset: -1 }, /offset must be a non-negative integer/],
    [{ shape: [2], offset: Number.NaN }, /offset must be a non-negative integer/],
  ])('rejects %o with a ShapeError', (options, message) => {
    const mem = Memory.alloc(64);
    expect(() => mem.view('f64', options as never)).toThrow(ShapeError);
    expect(() => mem.view('f64', options as never)).toThrow(message);
  });

  it('rejects sparse arrays (holes) as shapes, strides, axes and reshape targets', () => {
    const holed = [2, , 2] as number[];
    const mem = Memory.alloc(64);
    expect(() => mem.view('f64', { shape: holed })).toThrow('shape[1] must be a non-negative integer, got undefined');
    expect(() => mem.view('f64', { shape: [2, 2, 2], strides: [4, , 1] as number[] })).toThrow(
      'strides[1] must be an integer number of elements, got undefined',
    );
    const cube = mem.view('f64', { shape: [2, 2, 2] });
    expect(() => cube.transpose([2, , 0] as number[])).toThrow(ShapeError);
    expect(() => cube.reshape(holed)).toThrow('shape[1] must be a non-negative integer or -1, got undefined');
  });

  it('refuses more than 64 axes made with None, and shapes of more than 2^53 − 1 elements, with a ShapeError', () => {
    const line = Memory.alloc(8).view('u8', { shape: [8] });
    expect(() => line.slice(`${'None, '.repeat(64)}:`)).toThrow('the index makes 65 axes; at most 64 are supported');
    expect(line.slice(`${'None, '.repeat(63)}:`).ndim).toBe(64);
    const huge = [2 ** 30, 2 ** 30, 2 ** 30];
    expect(() => Memory.alloc(8).view('u8', { shape: huge, strides: [0, 0, 0] })).toThrow(ShapeError);
    expect(() => Memory.alloc(8).view('u8', { shape: huge, strides: [0, 0, 0] })).toThrow(
      /more than 2\^53 − 1 elements/,
    );
    expect(() => line.reshape(huge)).toThrow(/more than 2\^53 − 1 elements/);
    expect(Memory.alloc(8).view('u8', { shape: [...huge, 0], strides: [0, 0, 0, 0] }).size).toBe(0);
  });

  it('refuses a copy too big for the engine with an OutOfBoundsError', () => {
    const broadcast = Memory.alloc(1).view('u8', { shape: [2 ** 32], strides: [0] });
    expect(() => broadcast.toArray()).toThrow(OutOfBoundsError);
    expect(() => broadcast.toArray()).toThrow(/cannot copy the 4294967296 elements of this view into a JS array/);
  });

  it('rejects an unknown dtype', () => {
    expect(() => Memory.alloc(8).view('f128' as never, { shape: [1] })).toThrow(DtypeError);
  });

  it('refuses a view whose elements would be misaligned in the buffer', () => {
    const bytes = new Uint8Array(32);
    const mem = Memory.fromTypedArray(bytes.subarray(3, 27));
    expect(() => mem.view('f64', { shape: [1] })).toThrow(MisalignedError);
    expect(() => mem.view('f64', { shape: [1] })).toThrow(/DataView/);
    expect(mem.view('u8', { shape: [24] }).size).toBe(24);
  });
});

describe('get and set', () => {
  it('read and write through strides, with negative indices counting from the end', () => {
    const a = arange([3, 4]);
    expect(a.get(1, 2)).toBe(6);
    expect(a.get(-1, -1)).toBe(11);
    a.set(100, -3, 0);
    expect(a.get(0, 0)).toBe(100);
  });

  it('reads a 0-d view with no index', () => {
    expect(arange([3, 4]).slice('1, 2').get()).toBe(6);
  });

  it('names every bad index', () => {
    const a = arange([3, 4]);
    expect(() => a.get(3, 0)).toThrow(OutOfBoundsError);
    expect(() => a.get(0, -5)).toThrow(/index -5 is out of bounds for axis 1 with size 4/);
    expect(() => a.get(0)).toThrow(IndexError);
    expect(() => a.get(0, 1.5)).toThrow(/not an integer/);
    expect(() => a.get(0, Number.NaN)).toThrow(IndexError);
  });

  it.each([[[4]], [[2, 2]], [[2, 2, 1]]])(
    'refuses a bigint index with an IndexError on a view of shape %o, also through raw()',
    shape => {
      const view = Memory.alloc(64).view('f64', { shape });
      const index = shape.map(() => 1n) as unknown as number[];
      expect(() => view.get(...index)).toThrow(IndexError);
      expect(() => view.get(...index)).toThrow('index 1n for axis 0 is a bigint; pass a number (Number(i))');
      expect(() => view.set(2, ...index)).toThrow(IndexError);
      expect(() => view.raw().get(...index)).toThrow(IndexError);
    },
  );

  // get and set resolve in-range indices of 1-D and 2-D views on a path of their own; these pin
  // that path to the checked walk on every edge.
  it('agree with the strides on the fast 1-D and 2-D path, over offsets and negative strides', () => {
    const a = arange([6, 8]);
    const cut = a.slice('::-2, 1::3');
    const flat = arange([20]).slice('17:2:-5');
    for (let i = 0; i < 3; i++) for (let j = 0; j < 3; j++) expect(cut.get(i, j)).toBe((5 - 2 * i) * 8 + 1 + 3 * j);
    expect([0, 1, 2].map(i => flat.get(i))).toEqual([17, 12, 7]);
    expect(flat.get(-1)).toBe(7);
    cut.set(-1, 2, 1);
    expect(a.get(1, 4)).toBe(-1);
    expect(arange([2, 2, 2]).get(1, 0, 1)).toBe(5);
  });

  it('names every bad index on the fast path too', () => {
    const v = arange([4]);
    expect(() => v.get(4)).toThrow(/index 4 is out of bounds for axis 0 with size 4/);
    expect(() => v.get(2 ** 32 - 1)).toThrow(OutOfBoundsError);
    expect(() => v.get(2 ** 32)).toThrow(OutOfBoundsError);
    expect(() => v.get(0.5)).toThrow(/index 0.5 for axis 0 is not an integer/);
    expect(() => v.get(0, 0)).toThrow(/this view is 1-dimensional and needs 1 index, got 2/);
    expect(() => v.set(1, 0.5)).toThrow(IndexError);
    expect(() => arange([2, 3]).get(1, 3)).toThrow(/index 3 is out of bounds for axis 1 with size 3/);
    expect(() => arange([0, 3]).get(0, 0)).toThrow(OutOfBoundsError);
  });

  it('refuses values the dtype cannot hold exactly', () => {
    const ints = Memory.alloc(16).view('i32', { shape: [4] });
    expect(() => ints.set(1.5, 0)).toThrow(DtypeError);
    expect(() => ints.set(2 ** 31, 0)).toThrow(/from -2147483648 to 2147483647/);
    const bytes = Memory.alloc(4).view('u8', { shape: [4] });
    expect(() => bytes.set(256, 0)).toThrow(DtypeError);
    expect(() => bytes.set(-1, 0)).toThrow(DtypeError);
    const big = Memory.alloc(8).view('i64', { shape: [1] });
    expect(() => big.set(1 as never, 0)).toThrow(/bigint/);
    expect(() => big.set(2n ** 63n, 0)).toThrow(DtypeError);
    big.set(-(2n ** 63n), 0);
    expect(big.get(0)).toBe(-(2n ** 63n));
    const clamped = Memory.alloc(2).view('u8c', { shape: [2] });
    clamped.set(300, 0);
    expect(clamped.get(0)).toBe(255);
    expect(() => clamped.set(Number.NaN, 1)).toThrow(DtypeError);
    const floats = Memory.alloc(8).view('f64', { shape: [1] });
    expect(() => floats.set('1' as never, 0)).toThrow(DtypeError);
    const singles = Memory.alloc(4).view('f32', { shape: [1] });
    singles.set(0.1, 0); // rounds to the nearest f32, which is what f32 means
    expect(singles.get(0)).toBe(Math.fround(0.1));
    singles.set(Infinity, 0);
    expect(() => singles.set(1e40, 0)).toThrow(/beyond the range of f32/);
  });
});

describe('slice', () => {
  it('cuts a 6×8 array to 6×6 as a strided view over the same bytes', () => {
    const a = arange([6, 8]);
    const cut = a.slice(':, :6');
    expect(cut.shape).toEqual([6, 6]);
    expect(cut.strides).toEqual([8, 1]);
    expect(cut.isCContiguous).toBe(false);
    expect(cut.isFContiguous).toBe(false);
    cut.set(-1, 5, 5);
    expect(a.get(5, 5)).toBe(-1);
  });

  it("gives every row of the guide's slice table: shape, strides, offset and flags", () => {
    const guide = readFileSync(new URL('../../../docs/runtime.md', import.meta.url), 'utf8');
    const rows = [...guide.matchAll(/^\| `'([^`]*)'` \| \[([^\]]*)\] \| \[([^\]]*)\] \| (\d+) \| ([^|]+) \|$/gm)];
    expect(rows.length).toBe(7);
    const numbers = (text: string) =>
      text.trim() === '' ? [] : text.split(',').map(n => Number(n.trim().replace('−', '-')));
    const a = arange([2, 3, 4]);
    for (const [, spec, shape, strides, offset, flags] of rows) {
      const view = a.slice(spec!);
      const shown = [view.isCContiguous ? 'C' : '', view.isFContiguous ? 'F' : ''].filter(Boolean).join(', ') || '—';
      expect({ spec, shape: view.shape, strides: view.strides, offset: view.offset, flags: shown }).toEqual({
        spec,
        shape: numbers(shape!),
        strides: numbers(strides!),
        offset: Number(offset),
        flags: flags!.trim(),
      });
    }
  });

  it('follows NumPy: negative steps, ellipsis, None and clamped bounds', () => {
    const a = arange([2, 3, 4]);
    expect(a.slice('::-1, 2').toArray()).toEqual([20, 21, 22, 23, 8, 9, 10, 11]);
    expect(a.slice('..., 1:').shape).toEqual([2, 3, 3]);
    expect(a.slice('..., ::-2').toArray().slice(0, 4)).toEqual([3, 1, 7, 5]);
    const expanded = a.slice('None, 0');
    expect(expanded.shape).toEqual([1, 3, 4]);
    expect(expanded.strides).toEqual([0, 4, 1]);
    expect(a.slice('0, 10:, -100:2').shape).toEqual([0, 2]);
    expect(a.slice('1,').shape).toEqual([3, 4]);
    expect(a.slice('').shape).toEqual([2, 3, 4]);
  });

  it('resets an empty slice to start 0 and step 1, as NumPy does', () => {
    const a = arange([5]);
    const emptyReversed = a.slice('0:0:-1');
    expect([emptyReversed.shape, emptyReversed.strides, emptyReversed.offset]).toEqual([[0], [1], 0]);
    const emptyOfReversed = a.slice('::-1').slice(':0');
    expect([emptyOfReversed.strides, emptyOfReversed.offset]).toEqual([[-1], 4]);
    const emptyStep = a.slice('4:2');
    expect([emptyStep.strides, emptyStep.offset]).toEqual([[1], 0]);
  });

  it('names what is wrong with a bad index', () => {
    const a = arange([2, 3]);
    expect(() => a.slice('2, :')).toThrow(/index 2 is out of bounds for axis 0 with size 2/);
    expect(() => a.slice(':, :, :')).toThrow(/too many indices/);
    expect(() => a.slice('..., ...')).toThrow(/single ellipsis/);
    expect(() => a.slice('::0')).toThrow(/step cannot be zero/);
    expect(() => a.slice('1:x')).toThrow(/"x" .* is not an integer/);
    expect(() => a.slice('1;2')).toThrow(IndexError);
    expect(() => a.slice(':::')).toThrow(IndexError);
    expect(() => a.slice(3 as never)).toThrow(IndexError);
  });
});

describe('transpose', () => {
  it('reverses axes by default and permutes them on request', () => {
    const a = arange([2, 3, 4]);
    expect(a.T.shape).toEqual([4, 3, 2]);
    expect(a.T.strides).toEqual([1, 4, 12]);
    expect(a.T.isFContiguous).toBe(true);
    const p = a.transpose([1, -1, 0]);
    expect(p.shape).toEqual([3, 4, 2]);
    expect(p.get(2, 3, 1)).toBe(a.get(1, 2, 3));
  });

  it('rejects axes that are not a permutation', () => {
    const a = arange([2, 3]);
    expect(() => a.transpose([0])).toThrow(ShapeError);
    expect(() => a.transpose([0, 0])).toThrow(/repeats/);
    expect(() => a.transpose([0, 2])).toThrow(/out of range/);
  });
});

describe('reshape', () => {
  it('returns a view of the whole array and refuses the cut with WouldCopyError', () => {
    const a = arange([6, 8]);
    const flat = a.reshape([-1]);
    expect(flat.shape).toEqual([48]);
    flat.set(99, 47);
    expect(a.get(5, 7)).toBe(99);
    expect(() => a.slice(':, :6').reshape([-1])).toThrow(WouldCopyError);
    expect(() => a.slice(':, :6').reshape([-1])).toThrow(/ascontiguous\(view\)\.reshape/);
  });

  it('merges axes of a strided view when their layout allows it', () => {
    const a = arange([4, 6]);
    const rows = a.slice('::2');
    expect(rows.reshape([2, 2, 3]).strides).toEqual([12, 3, 1]);
    expect(() => a.T.reshape([24])).toThrow(WouldCopyError);
    expect(a.T.reshape([6, 2, 2]).toArray()).toEqual(a.T.toArray());
  });

  it('names every bad shape', () => {
    const a = arange([2, 3]);
    expect(() => a.reshape([4])).toThrow(/cannot reshape a view of size 6 into shape \[4\]/);
    expect(() => a.reshape([-1, -1])).toThrow(/more than one -1/);
    expect(() => a.reshape([-2, 3])).toThrow(ShapeError);
    expect(() => a.reshape([0, -1])).toThrow(ShapeError);
    expect(() => a.reshape(6 as never)).toThrow(ShapeError);
    expect(() => a.reshape([...new Array<number>(64).fill(1), 6])).toThrow(/65 axes; at most 64/);
  });
});

describe('toString', () => {
  it('says dtype, layout, shape, strides and offset', () => {
    expect(String(arange([2, 3]).T)).toBe('View<f64, F> shape [3, 2] strides [1, 3] offset 0');
    expect(String(arange([2, 3]).slice(':, ::2'))).toBe('View<f64, strided> shape [2, 2] strides [3, 2] offset 0');
  });
});
