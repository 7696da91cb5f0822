import { describe, expect, it } from 'vitest';
import { DtypeError, IndexError, Memory, OutOfBoundsError, StalePointerError } from '../src/index.js';
import { growingModule } from './support/wasm.js';

describe('RawPtr', () => {
  it('hands out the typed array, offset and strides of its view', () => {
    const mem = Memory.alloc(8 * 12);
    const view = mem.view('f64', { shape: [3, 4] }).slice('1:, ::2');
    const ptr = view.raw();
    expect(ptr.offset).toBe(4);
    expect(ptr.strides).toEqual([4, 2]);
    expect(ptr.shape).toEqual([2, 2]);
    expect(ptr.dtype).toBe('f64');
    ptr.array[ptr.offset + 1 * ptr.strides[0]! + 1 * ptr.strides[1]!] = 5;
    expect(view.get(1, 1)).toBe(5);
    expect(ptr.get(1, 1)).toBe(5);
    ptr.set(6, 0, 1);
    expect(view.get(0, 1)).toBe(6);
    expect(ptr.generation).toBe(0);
    expect(ptr.isStale).toBe(false);
  });

  it('throws StalePointerError after wasm growth inside an export, where a kept array reads undefined', async () => {
    const wasm = await growingModule();
    const mem = Memory.fromWasm(wasm.memory);
    const view = mem.view('f64', { shape: [4] });
    view.set(3, 0);
    const ptr = view.raw();
    const kept = ptr.array;
    wasm.grow(1);
    expect(kept[0]).toBeUndefined();
    expect(ptr.isStale).toBe(true);
    expect(() => ptr.array).toThrow(StalePointerError);
    expect(() => ptr.get(0)).toThrow(
      /taken at generation 0, but its memory is at generation 1: wasm memory grew from 65536 to 131072 bytes/,
    );
    expect(() => ptr.set(1, 0)).toThrow(StalePointerError);
    expect(view.raw().get(0)).toBe(3);
  });

  it.each([
    ['shrink', (mem: Memory) => mem.resize(8), /shrank from 32 to 8 bytes/],
    ['free', (mem: Memory) => mem.free(), /freed/],
    ['transfer', (mem: Memory) => mem.transfer(), /transferred/],
  ])('goes stale on %s', (_, event, reason) => {
    const mem = Memory.resizable(32, 64);
    const ptr = mem.view('u8', { shape: [4] }).raw();
    event(mem);
    expect(() => ptr.array).toThrow(StalePointerError);
    expect(() => ptr.array).toThrow(reason);
  });

  it('stays valid across growth that moves nothing', () => {
    const mem = Memory.resizable(8, 64);
    const ptr = mem.view('u8', { shape: [8] }).raw();
    mem.resize(64);
    expect(ptr.isStale).toBe(false);
    expect(ptr.array.length).toBe(8);
  });

  it('checks indices and values in its accessors', () => {
    const ptr = Memory.alloc(8)
      .view('u8', { shape: [2, 4] })
      .raw();
    expect(() => ptr.get(2, 0)).toThrow(OutOfBoundsError);
    expect(() => ptr.get(0)).toThrow(IndexError);
    expect(() => ptr.get(0, 0.5)).toThrow(IndexError);
    expect(() => ptr.set(256, 0, 0)).toThrow(DtypeError);
  });

  it('reads through strides on its direct 1-D and 2-D path, and refuses negative indices there too', () => {
    const grid = Memory.alloc(48).view('u8', { shape: [6, 8] });
    for (let k = 0; k < 48; k++) grid.set(k, Math.floor(k / 8), k % 8);
    const cut = grid.slice('::-2, 1::3').raw();
    expect(cut.get(0, 0)).toBe(41);
    expect(cut.get(2, 2)).toBe(15);
    const column = grid.slice(':, 7').raw();
    expect([0, 5].map(i => column.get(i))).toEqual([7, 47]);
    expect(() => column.get(-1)).toThrow(/index -1 is out of bounds for axis 0 with size 6/);
    expect(() => column.get(6)).toThrow(OutOfBoundsError);
    expect(() => column.get(0, 0)).toThrow(/this pointer is 1-dimensional and needs 1 index, got 2/);
    column.set(99, 5);
    expect(grid.get(5, 7)).toBe(99);
  });
});
