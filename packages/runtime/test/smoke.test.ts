import { describe, expect, it } from 'vitest';
import { Memory } from '../src/index.js';
import { growingModule } from './support/wasm.js';

describe('smoke', () => {
  it('notices growth inside wasm', async () => {
    const wasm = await growingModule();
    const mem = Memory.fromWasm(wasm.memory);
    const view = mem.view('f64', { shape: [4] });
    view.set(1.5, 0);
    const ptr = view.raw();
    wasm.grow(1);
    expect(view.get(0)).toBe(1.5);
    expect(() => ptr.array).toThrow(/generation 0/);
  });
});
