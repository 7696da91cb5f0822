/** Brands cost nothing: the type-level brands of brands.test-d.ts leave no property on the objects. */
import { describe, expect, it } from 'vitest';
import { checkContiguous, copy, Memory } from '../../src/index.js';

const brandNames = ['layoutBrand', 'generationBrand', 'ownedBrand'];

function expectNoBrand(value: object): void {
  const keys = Object.keys(value);
  for (const name of brandNames) {
    expect(keys).not.toContain(name);
    expect(name in value).toBe(false);
  }
  // The brands are `declare`d unique-symbol fields: none of them exists as a symbol key either.
  expect(Object.getOwnPropertySymbols(value)).toEqual([]);
}

describe('brands', () => {
  it('add no runtime properties to views, memory or raw pointers', () => {
    const mem = Memory.alloc(8 * 48);
    const view = mem.view('f64', { shape: [6, 8] });
    expectNoBrand(mem);
    expectNoBrand(view);
    expectNoBrand(view.T);
    expectNoBrand(view.slice(':, :6'));
    expectNoBrand(view.reshape([48]));
    expectNoBrand(copy(view, 'F'));
    expectNoBrand(view.raw());
    expectNoBrand(mem.free());
  });

  it('narrowing a view is the identity: no wrapper object', () => {
    const view = Memory.alloc(8 * 48).view('f64', { shape: [6, 8] });
    const row = view.slice('::2').slice('0, :'); // a C-contiguous view typed as any layout
    expect(checkContiguous(view)).toBe(view);
    expect(checkContiguous(row)).toBe(row);
  });

  it('a generation step returns the same owner, only retyped', () => {
    const mem = Memory.resizable(16, 32);
    expect(mem.resize(32)).toBe(mem);
    expect(mem.free()).toBe(mem);
  });
});
