import { Buffer } from 'node:buffer';
import { describe, expect, it } from 'vitest';
import { fromValues, Memory, UnsupportedError, viewOf, WouldCopyError, type View } from '../src/index.js';

const grid = () => fromValues('f64', [0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11], [3, 4]);

/** Writing through one side and reading the other tells whether two objects share memory. */
function shares(write: () => void, read: () => number, expected: number): boolean {
  write();
  return read() === expected;
}

describe('view-making conversions never copy', () => {
  it('asTypedArray shares the bytes of a C-contiguous view, offset included', () => {
    const a = grid();
    const row = a.slice('1');
    const array = row.asTypedArray();
    expect(Array.from(array)).toEqual([4, 5, 6, 7]);
    expect(
      shares(
        () => (array[0] = 40),
        () => a.get(1, 0),
        40,
      ),
    ).toBe(true);
  });

  it('asDataView and asBuffer cover exactly the view’s bytes', () => {
    const a = grid();
    const row = a.slice('2');
    const data = row.asDataView();
    expect(data.byteLength).toBe(32);
    expect(data.getFloat64(0, true)).toBe(8);
    const buffer = row.asBuffer();
    expect(buffer.byteLength).toBe(32);
    expect(Buffer.isBuffer(buffer)).toBe(true);
    expect(
      shares(
        () => data.setFloat64(8, -9, true),
        () => a.get(2, 1),
        -9,
      ),
    ).toBe(true);
  });

  it('asArrayBuffer gives the buffer only when the view spans all of it', () => {
    const a = Memory.alloc(96, { placement: 'js' }).view('f64', { shape: [3, 4] });
    expect(a.asArrayBuffer().byteLength).toBe(96);
    expect(() => a.slice('1:').asArrayBuffer()).toThrow(WouldCopyError);
    expect(() => a.slice('1:').asArrayBuffer()).toThrow(/asTypedArray\(\) or asDataView\(\)/);
    const pooled = Buffer.from('pool');
    expect(() => viewOf(pooled).asArrayBuffer()).toThrow(WouldCopyError);
  });

  it("asArrayBuffer of a view over the wasm heap, where Memory.alloc places bytes by default, names placement: 'js'", () => {
    const a = grid();
    expect(a.memory.kind).toBe('wasm');
    expect(() => a.asArrayBuffer()).toThrow(WouldCopyError);
    expect(() => a.asArrayBuffer()).toThrow(
      /Memory.alloc places bytes in the runtime's wasm heap by default: allocate with \{ placement: 'js' \} for an ArrayBuffer of their own$/,
    );
  });

  it('throws WouldCopyError for a strided view and names the copying form', () => {
    const cut = grid().slice(':, :2');
    expect(() => cut.asTypedArray()).toThrow(WouldCopyError);
    expect(() => cut.asTypedArray()).toThrow(/toTypedArray\(\)/);
    expect(() => cut.asDataView()).toThrow(/toDataView\(\)/);
    expect(() => cut.asBuffer()).toThrow(/toBuffer\(\)/);
    expect(() => grid().T.asTypedArray()).toThrow(WouldCopyError);
  });

  it('gives an empty array for an empty view, even one past the end of its memory', () => {
    expect(grid().slice('3:').asTypedArray().length).toBe(0);
    expect(grid().slice('::-1, :0').asTypedArray().length).toBe(0);
  });
});

describe('copying conversions always copy', () => {
  it.each([
    ['toTypedArray', (v: View<'f64'>) => v.toTypedArray()],
    ['toArray', (v: View<'f64'>) => v.toArray()],
  ])('%s copies in C order, even from a contiguous view', (_, convert) => {
    const a = grid();
    const copy = convert(a.T);
    expect(Array.from(copy)).toEqual([0, 4, 8, 1, 5, 9, 2, 6, 10, 3, 7, 11]);
    const same = convert(a) as number[];
    same[0] = 100;
    expect(a.get(0, 0)).toBe(0);
  });

  it('toArrayBuffer, toDataView and toBuffer own new memory', () => {
    const a = grid();
    const buffer = a.slice('0').toArrayBuffer();
    expect(new Float64Array(buffer)).toEqual(new Float64Array([0, 1, 2, 3]));
    const data = a.slice(':, 0').toDataView();
    expect(data.byteLength).toBe(24);
    expect(data.getFloat64(16, true)).toBe(8);
    const node = a.slice('0').toBuffer();
    expect(node.buffer.byteLength).toBe(32); // not from the pool
    node.writeDoubleLE(50, 0);
    expect(a.get(0, 0)).toBe(0);
  });

  it('toArray gives bigints for 64-bit integer views', () => {
    expect(fromValues('u64', [1n, 2n]).toArray()).toEqual([1n, 2n]);
  });
});

describe('from JS representations', () => {
  it('viewOf views exactly a typed array’s elements with its dtype', () => {
    const ints = new Int16Array([1, 2, 3, 4, 5, 6]);
    const view = viewOf(ints.subarray(2), [2, 2]);
    expect(view.dtype).toBe('i16');
    expect(view.get(1, 1)).toBe(6);
    view.set(-6, 1, 1);
    expect(ints[5]).toBe(-6);
    expect(viewOf(Buffer.from('ab')).dtype).toBe('u8');
  });

  it('viewOf refuses a DataView, which has no element type', () => {
    expect(() => viewOf(new DataView(new ArrayBuffer(4)) as never)).toThrow(/no element type/);
  });

  it('fromValues copies and checks every value', () => {
    const values = [1, 2, 3];
    const view = fromValues('i8', values);
    values[0] = 9;
    expect(view.get(0)).toBe(1);
    expect(() => fromValues('i8', [1, 200])).toThrow(/not a i8 value/);
    expect(() => fromValues('f64', [1, 2, 3], [2, 2])).toThrow(/3 values do not fill shape \[2, 2\]/);
  });

  it('Memory.copyOf never shares', () => {
    const source = new Uint8Array([1, 2, 3]);
    const copy = Memory.copyOf(source).view('u8', { shape: [3] });
    source[0] = 7;
    expect(copy.get(0)).toBe(1);
  });
});

describe('outside Node', () => {
  it('asBuffer and toBuffer explain that Buffer is Node-only', () => {
    const saved = globalThis.Buffer;
    // @ts-expect-error -- simulating a browser, where Buffer does not exist
    delete globalThis.Buffer;
    try {
      expect(() => grid().asBuffer()).toThrow(UnsupportedError);
      expect(() => grid().toBuffer()).toThrow(/only in Node\.js/);
    } finally {
      globalThis.Buffer = saved;
    }
  });
});
