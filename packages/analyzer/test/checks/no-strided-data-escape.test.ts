import { describe, expect, it } from 'vitest';
import { findingsOf } from '../support/program.js';

const rule = 'no-strided-data-escape';
const NDARRAY =
  'interface NdArray { data: Float64Array; shape: number[]; stride: number[]; offset: number; }\ndeclare function dasum(n: number, x: Float64Array, stride: number, offset: number): number;\ndeclare function sum(x: Float64Array): number;\n';
const lint = (code: string) =>
  findingsOf(rule, { 'file.ts': NDARRAY + code }).map(f => ({
    line: f.line - 3,
    column: f.column,
    message: f.message,
  }));
const at = (code: string) => lint(code).map(f => `${f.line}:${f.column}`);

const RUNTIME = [
  'export type Layout = "C" | "F" | "any";',
  'export declare class RawPtr { readonly array: Float64Array; readonly shape: readonly number[]; readonly strides: readonly number[]; readonly offset: number; }',
  'export declare class View<D extends string, L extends Layout = Layout> { readonly shape: readonly number[]; readonly strides: readonly number[]; readonly offset: number; readonly isCContiguous: boolean; raw(): RawPtr; private l: L; private d: D; }',
  'export declare function checkContiguous<D extends string>(view: View<D>): View<D, "C">;',
  'export declare function ascontiguous<D extends string>(view: View<D>): View<D, "C">;',
].join('\n');

describe(rule, () => {
  it('flags the flat data of a strided array passed to code that reads it linearly', () => {
    const found = lint('export function total(x: NdArray) {\n  return sum(x.data);\n}');
    expect(found.map(f => `${f.line}:${f.column}`)).toEqual(['2:10']);
    expect(found[0]!.message).toBe(
      '`x.data` is passed to `sum(…)` as if `x` were contiguous, which nothing here proves. Check `x.stride` and `x.offset` first, copy to a contiguous array, or pass both along.',
    );
  });

  it('flags linear walks: loop counters, for…of, spread and array methods, also through a const', () => {
    const code = [
      'export function walk(x: NdArray) {',
      '  const d = x.data;',
      '  let s = 0;',
      '  for (let i = 0; i < x.shape[0]!; i++) s += d[i]!;',
      '  for (const v of x.data) s += v;',
      '  s += Math.max(...x.data) + x.data.reduce((a, b) => a + b, 0);',
      '  return s;',
      '}',
    ].join('\n');
    expect(at(code)).toEqual(['4:46', '5:19', '6:17', '6:30']);
  });

  it('stays quiet when the strides go along, indices use them, or contiguity is checked first', () => {
    const code = [
      'export function a(x: NdArray) { return dasum(x.shape[0]!, x.data, x.stride[0]!, x.offset); }',
      'export function b(x: NdArray) { let s = 0; for (let i = 0; i < x.shape[0]!; i++) s += x.data[x.offset + i * x.stride[0]!]!; return s; }',
      'export function c(x: NdArray) { if (x.stride[0] !== 1 || x.offset !== 0) throw new Error("strided"); return sum(x.data); }',
      'declare function isContiguous(x: NdArray): boolean;',
      'export function d(x: NdArray) { return isContiguous(x) ? sum(x.data) : 0; }',
      'export function e(data: { data: Float64Array }) { return sum(data.data); }',
    ].join('\n');
    expect(at(code)).toEqual([]);
  });

  it('stays quiet on a new view built from the layout of the old, and on an array packed where it is not contiguous', () => {
    const code = [
      'export class Nd implements NdArray {',
      '  constructor(readonly data: Float64Array, readonly shape: number[], readonly stride: number[], readonly offset: number) {}',
      '  transpose(...order: number[]) { return new Nd(this.data, order.map(d => this.shape[d]!), order.map(d => this.stride[d]!), this.offset); }',
      '  step(s: number) { const stride = this.stride.map(x => x * s); return new Nd(this.data, this.shape, stride, this.offset); }',
      '  flat() { return new Nd(this.data, this.shape, [1], 0); }',
      '}',
      'declare function isContiguous(x: NdArray): boolean;',
      'function rowMajorStride(shape: number[]) { return shape.map((_, d) => shape.slice(d + 1).reduce((n, m) => n * m, 1)); }',
      'declare function gather(a: NdArray): Float64Array;',
      'function pack(a: NdArray): NdArray { return { data: gather(a), shape: a.shape, stride: rowMajorStride(a.shape), offset: 0 }; }',
      'function repack(a: NdArray): NdArray { return { data: gather(a), shape: a.shape, stride: a.stride, offset: 0 }; }',
      'export function total(a: NdArray) { const source = isContiguous(a) ? a : pack(a); return sum(source.data); }',
      'export function wrong(a: NdArray) { const source = isContiguous(a) ? a : repack(a); return sum(source.data); }',
    ].join('\n');
    // `flat` drops the strides; `repack` keeps them, so its result is not known to be contiguous.
    expect(at(code)).toEqual(['5:19', '13:92']);
  });

  it('knows a strided type from another file whose shape the code reads, and storage handed on through its .buffer', () => {
    const types =
      'export interface Chunk { data: Float32Array; shape: number[]; stride: number[]; offset: number }\nexport interface Stored { data: Float32Array; shape: number[]; stride: number[] }\n';
    const code = [
      "import type { Chunk } from './types.js';",
      'export function flat(src: Chunk, out: Float32Array) {',
      '  if (src.shape.length !== 1) return [];',
      '  for (let n = 0; n < out.length; n++) out[n] = src.data[n]!;',
      '  const bytes = Buffer.from(src.data.buffer, src.data.byteOffset, src.data.byteLength);',
      '  const view = new Uint8Array(src.data.buffer, src.data.byteOffset, src.data.byteLength);',
      '  return [Array.from(src.data), bytes, view];',
      '}',
      '// A chunk without an offset is in its storage order, which a codec walks as stored.',
      "export function delta(chunk: import('./types.js').Stored) { for (let i = 1; i < chunk.data.length; i++) chunk.data[i]! += chunk.data[i - 1]!; }",
    ].join('\n');
    const found = findingsOf(rule, { 'types.ts': types, 'use.ts': code }).map(f => `${f.file}:${f.line}`);
    // Line 6 only re-types the storage's bytes; what is done with `view` is judged where it is used.
    expect(found).toEqual(['use.ts:4', 'use.ts:5', 'use.ts:7']);
  });

  it('knows memsafe views: raw().array of a view not proven contiguous, and the proofs', () => {
    const code = [
      "import { ascontiguous, checkContiguous, type View } from '@memsafe/runtime';",
      'declare function sum(x: Float64Array): number;',
      'export function bad(view: View<"f64">) { return sum(view.raw().array); }',
      'export function checked(view: View<"f64">) { return sum(checkContiguous(view).raw().array); }',
      'export function copied(view: View<"f64">) { const ptr = ascontiguous(view).raw(); return sum(ptr.array); }',
      'export function typed(view: View<"f64", "C">) { return sum(view.raw().array); }',
      'export function tested(view: View<"f64">) { if (!view.isCContiguous) return 0; return sum(view.raw().array); }',
    ].join('\n');
    const found = findingsOf(rule, { 'file.ts': code, 'node_modules/@memsafe/runtime/index.d.ts': RUNTIME });
    expect(found.map(f => `${f.line}:${f.column}`)).toEqual(['3:49']);
    expect(found[0]!.message).toContain(
      '`view.raw().array` is passed to `sum(…)` as if `view` were contiguous, which nothing here proves. Use `checkContiguous(view).raw()`, copy with `ascontiguous(view)`, or follow the strides.',
    );
  });
});
