import { describe, expect, it } from 'vitest';
import { blas } from '../../src/index.js';

describe('gsum', () => {
  it('sums with a stride', () => {
    const x = new Float64Array([
      1, // 0
      9,
      2, // 1
      9,
      3, // 2
    ]);
    expect(blas.gsum(3, x, 2)).toBe(6);
  });

  it('starts from the end for a negative stride, and takes an explicit offset', () => {
    const x = new Float64Array([
      1, // 2
      2, // 1
      4, // 0
      8,
    ]);
    expect(blas.gsum(3, x, -1)).toBe(7); // offset (1 - N) * stride = 2: reads x[2], x[1], x[0]
    expect(blas.gsum.ndarray(3, x, -1, 2)).toBe(7);
    expect(blas.gsum.ndarray(2, x, 1, 2)).toBe(12);
  });

  it('returns 0 for N <= 0', () => {
    expect(blas.gsum(0, new Float64Array([1]), 1)).toBe(0);
    expect(blas.gsum(-1, new Float64Array([1]), 1)).toBe(0);
  });
});

describe('gdot', () => {
  it('pairs strided elements, negative strides walking from the end', () => {
    const x = new Float32Array([
      1, // 0
      2, // 1
      3, // 2
    ]);
    const y = new Float32Array([
      6, // 2
      0,
      5, // 1
      0,
      4, // 0
    ]);
    expect(blas.gdot(3, x, 1, y, -2)).toBe(1 * 4 + 2 * 5 + 3 * 6);
    expect(blas.gdot.ndarray(2, x, 1, 1, y, 2, 0)).toBe(2 * 6 + 3 * 5);
    expect(blas.gdot(0, x, 1, y, 1)).toBe(0);
  });
});

describe('gaxpy', () => {
  it('adds alpha * x into strided y and leaves the gaps alone', () => {
    const x = new Float64Array([1, 2]);
    const y = new Float64Array([
      10, // 0
      -1,
      20, // 1
    ]);
    blas.gaxpy(2, 3, x, 1, y, 2);
    expect(Array.from(y)).toEqual([13, -1, 26]);
    blas.gaxpy(2, 1, x, -1, y, 2); // x read backwards: 2, 1
    expect(Array.from(y)).toEqual([15, -1, 27]);
    blas.gaxpy(-3, 1, x, 1, y, 1);
    expect(Array.from(y)).toEqual([15, -1, 27]);
  });
});

describe('gscal', () => {
  it('scales strided elements from an offset', () => {
    const x = new Float64Array([
      1,
      2, // 0
      3,
      4, // 1
    ]);
    blas.gscal.ndarray(2, 10, x, 2, 1);
    expect(Array.from(x)).toEqual([1, 20, 3, 40]);
    blas.gscal(0, 10, x, 1);
    expect(Array.from(x)).toEqual([1, 20, 3, 40]);
  });
});

describe('gfill and gcopy', () => {
  it('fill and copy with strides in any typed array', () => {
    const x = new Int32Array(5);
    blas.gfill(3, 7, x, 2);
    expect(Array.from(x)).toEqual([7, 0, 7, 0, 7]);
    const y = new Int32Array(3);
    blas.gcopy(3, new Int32Array([1, 2, 3]), 1, y, -1);
    expect(Array.from(y)).toEqual([3, 2, 1]);
    blas.gcopy.ndarray(2, new Int32Array([4, 5, 6]), 1, 1, y, 1, 0);
    expect(Array.from(y)).toEqual([5, 6, 1]);
    blas.gfill.ndarray(-1, 0, y, 1, 0);
    expect(Array.from(y)).toEqual([5, 6, 1]);
  });
});
