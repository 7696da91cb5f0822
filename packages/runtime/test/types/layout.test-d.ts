/**
 * Layout tracking: which operations keep, flip or forget the `'C'` / `'F'` layout brand. A view is
 * typed `'C'` or `'F'` only where that is true of every view the operation can return.
 */
import { describe, expectTypeOf, test } from 'vitest';
import {
  ascontiguous,
  checkContiguous,
  copy,
  Memory,
  View,
  type Layout,
  type TransposedLayout,
} from '../../src/index.js';

const mem = Memory.alloc(8 * 48);
const a = mem.view('f64', { shape: [6, 8] });
const strided = a.slice(':, :6');

describe('mem.view', () => {
  test("without strides: 'C', at the memory's generation", () => {
    expectTypeOf(a).toEqualTypeOf<View<'f64', 'C', 0>>();
    expectTypeOf(mem.view('i32', { shape: [4], offset: 2 })).toEqualTypeOf<View<'i32', 'C', 0>>();
    expectTypeOf(mem.view('u8', { shape: [] })).toEqualTypeOf<View<'u8', 'C', 0>>();
  });

  test('with explicit strides: any layout, even when they happen to be C strides', () => {
    expectTypeOf(mem.view('f64', { shape: [8, 6], strides: [1, 8] })).toEqualTypeOf<View<'f64', Layout, 0>>();
    expectTypeOf(mem.view('f64', { shape: [6, 8], strides: [8, 1] })).toEqualTypeOf<View<'f64', Layout, 0>>();
  });

  test('options typed as ViewOptions (strides unknown): any layout', () => {
    const options: Parameters<typeof mem.view>[1] = { shape: [6, 8] };
    expectTypeOf(mem.view('f64', options)).toEqualTypeOf<View<'f64', Layout, 0>>();
  });
});

describe('transpose', () => {
  test("TransposedLayout flips 'C' and 'F' and keeps anything else unknown", () => {
    expectTypeOf<TransposedLayout<'C'>>().toEqualTypeOf<'F'>();
    expectTypeOf<TransposedLayout<'F'>>().toEqualTypeOf<'C'>();
    expectTypeOf<TransposedLayout<'strided'>>().toEqualTypeOf<Layout>();
    expectTypeOf<TransposedLayout<Layout>>().toEqualTypeOf<Layout>();
  });

  test(".T and transpose() of a 'C' view are 'F', and back", () => {
    expectTypeOf(a.T).toEqualTypeOf<View<'f64', 'F', 0>>();
    expectTypeOf(a.transpose()).toEqualTypeOf<View<'f64', 'F', 0>>();
    expectTypeOf(a.T.T).toEqualTypeOf<View<'f64', 'C', 0>>();
    expectTypeOf(a.T.transpose()).toEqualTypeOf<View<'f64', 'C', 0>>();
    expectTypeOf(copy(a, 'F').T).toEqualTypeOf<View<'f64', 'C', 0>>();
  });

  test('.T of a view of unknown layout stays unknown', () => {
    expectTypeOf(strided.T).toEqualTypeOf<View<'f64', Layout, 0>>();
    expectTypeOf(strided.transpose()).toEqualTypeOf<View<'f64', Layout, 0>>();
  });

  test('transpose(axes) is any layout, whatever the input', () => {
    expectTypeOf(a.transpose([1, 0])).toEqualTypeOf<View<'f64', Layout, 0>>();
    expectTypeOf(a.transpose([0, 1])).toEqualTypeOf<View<'f64', Layout, 0>>();
    expectTypeOf(a.T.transpose([1, 0])).toEqualTypeOf<View<'f64', Layout, 0>>();
  });
});

describe('slice', () => {
  test('is any layout, even of a C view and even for a slice that keeps contiguity', () => {
    expectTypeOf(strided).toEqualTypeOf<View<'f64', Layout, 0>>();
    expectTypeOf(a.slice(':')).toEqualTypeOf<View<'f64', Layout, 0>>();
    expectTypeOf(a.slice('1:3')).toEqualTypeOf<View<'f64', Layout, 0>>();
    expectTypeOf(a.T.slice('::-1')).toEqualTypeOf<View<'f64', Layout, 0>>();
  });
});

describe('reshape', () => {
  test("of a 'C' view is 'C'", () => {
    expectTypeOf(a.reshape([48])).toEqualTypeOf<View<'f64', 'C', 0>>();
    expectTypeOf(a.reshape([2, -1, 4])).toEqualTypeOf<View<'f64', 'C', 0>>();
    expectTypeOf(a.T.T.reshape([48])).toEqualTypeOf<View<'f64', 'C', 0>>();
  });

  test("of an 'F' view or a view of unknown layout is any layout", () => {
    expectTypeOf(a.T.reshape([48])).toEqualTypeOf<View<'f64', Layout, 0>>();
    expectTypeOf(strided.reshape([36])).toEqualTypeOf<View<'f64', Layout, 0>>();
  });
});

describe('copies', () => {
  test("copy(v) and ascontiguous(v) are 'C' in new memory (generation 0)", () => {
    expectTypeOf(copy(strided)).toEqualTypeOf<View<'f64', 'C', 0>>();
    expectTypeOf(copy(strided, 'C')).toEqualTypeOf<View<'f64', 'C', 0>>();
    expectTypeOf(ascontiguous(strided)).toEqualTypeOf<View<'f64', 'C', 0>>();
    expectTypeOf(ascontiguous(a.T)).toEqualTypeOf<View<'f64', 'C', 0>>();
    const later = Memory.resizable(64, 128)
      .resize(128)
      .view('f32', { shape: [4] });
    expectTypeOf(later).toEqualTypeOf<View<'f32', 'C', 1>>();
    expectTypeOf(copy(later)).toEqualTypeOf<View<'f32', 'C', 0>>();
  });

  test("copy(v, 'F') is 'F'", () => {
    expectTypeOf(copy(strided, 'F')).toEqualTypeOf<View<'f64', 'F', 0>>();
    expectTypeOf(copy(a, 'F')).toEqualTypeOf<View<'f64', 'F', 0>>();
  });

  test('copy takes only the orders it knows', () => {
    // @ts-expect-error -- order: '"A"' matches neither overload ('C' | undefined, or 'F')
    copy(a, 'A');
  });
});

describe('checkContiguous', () => {
  test("narrows any layout to 'C', keeping dtype and generation", () => {
    expectTypeOf(checkContiguous(strided)).toEqualTypeOf<View<'f64', 'C', 0>>();
    expectTypeOf(checkContiguous(a.T)).toEqualTypeOf<View<'f64', 'C', 0>>();
    const later = Memory.resizable(64, 128)
      .resize(128)
      .view('i16', { shape: [2, 2], strides: [1, 2] });
    expectTypeOf(checkContiguous(later)).toEqualTypeOf<View<'i16', 'C', 1>>();
  });
});
