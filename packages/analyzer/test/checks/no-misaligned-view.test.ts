import { describe, expect, it } from 'vitest';
import { applyEdits, findingsOf } from '../support/program.js';

const rule = 'no-misaligned-view';
const lint = (code: string) => findingsOf(rule, { 'file.ts': code });
const at = (code: string) => lint(code).map(f => `${f.line}:${f.column}`);

describe(rule, () => {
  it('flags a view at a literal offset that is not a multiple of the element size, and suggests an aligned copy', () => {
    const code = 'export function f(buf: ArrayBuffer) {\n  return new Float64Array(buf, 4, 2);\n}\n';
    const [finding, ...rest] = lint(code);
    expect(rest).toEqual([]);
    expect(finding).toMatchObject({ line: 2, column: 10 });
    expect(finding!.message).toBe(
      '`new Float64Array(…)` throws a RangeError: its byte offset `4` is 4, not a multiple of 8 (Float64Array is 8 bytes). Copy the bytes into an aligned buffer, or read them with a DataView.',
    );
    expect(applyEdits(code, finding!.suggestions![0]!.edits)).toContain(
      'return new Float64Array(buf.slice(4, 4 + 2 * 8));',
    );
  });

  it('follows constants and arithmetic: i * 8 + 4 is misaligned for 8, aligned for 4', () => {
    const code = [
      'const HEADER = 4;',
      'export function f(buf: ArrayBuffer, i: number) {',
      '  const a = new Float64Array(buf, i * 8 + HEADER);',
      '  const b = new Float32Array(buf, i * 8 + HEADER);',
      '  const c = new Int32Array(buf, (i + 3) & ~3);',
      '  const d = new Float64Array(buf, HEADER << 1);',
      '  const e = new Uint16Array(buf, 2 * Float64Array.BYTES_PER_ELEMENT + 1);',
      '  return [a, b, c, d, e];',
      '}',
    ].join('\n');
    const found = lint(code);
    expect(found.map(f => `${f.line}:${f.column}`)).toEqual(['3:13', '7:13']);
    expect(found[0]!.message).toContain('its byte offset `i * 8 + HEADER` is 4 more than a multiple of 8');
    expect(found[1]!.message).toContain(
      'its byte offset `2 * Float64Array.BYTES_PER_ELEMENT + 1` is 1 more than a multiple of 2',
    );
  });

  it('flags an offset read from data with no alignment check, and accepts one that is checked', () => {
    const code = [
      'export function body(buf: ArrayBuffer) {',
      '  const header = new DataView(buf);',
      '  const start = header.getUint32(0, true);',
      '  return new Float32Array(buf, start);',
      '}',
      'export function checked(buf: ArrayBuffer, lengths: Uint32Array) {',
      '  const start = lengths[0]!;',
      "  if (start % 4 !== 0) throw new RangeError('unaligned');",
      '  return new Float32Array(buf, start);',
      '}',
      'export function odd(buf: ArrayBuffer, n: number) {',
      '  return new Float64Array(buf, n + 3);',
      '}',
    ].join('\n');
    const found = lint(code);
    expect(found.map(f => `${f.line}:${f.column}`)).toEqual(['4:10', '12:10']);
    expect(found[0]!.message).toBe(
      '`new Float32Array(…)` throws a RangeError if `start` (a value read with `getUint32`) is not a multiple of 4. Check `start % 4 === 0` first, or copy the bytes into an aligned buffer.',
    );
    expect(found[1]!.message).toContain(
      '`new Float64Array(…)` throws a RangeError if `n + 3` (a sum with the term `3`) is not a multiple of 8. Check `(n + 3) % 8 === 0` first, or copy the bytes into an aligned buffer.',
    );
  });

  it('checks runtime views over adopted bytes', () => {
    const code = [
      "import { Memory } from '@memsafe/runtime';",
      'export function f(bytes: Uint8Array, buf: ArrayBuffer) {',
      '  const a = Memory.fromTypedArray(bytes.subarray(6)).view("f64", { shape: [2] });',
      '  const memory = Memory.fromTypedArray(new Uint8Array(buf, 12, 16));',
      '  const b = memory.view("f32", { shape: [4] });',
      '  const c = memory.view("f64", { shape: [2] });',
      '  return [a, b, c];',
      '}',
    ].join('\n');
    const found = findingsOf(rule, { 'file.ts': code, 'node_modules/@memsafe/runtime/index.d.ts': RUNTIME });
    expect(found.map(f => `${f.line}:${f.column}`)).toEqual(['3:13', '6:13']);
    expect(found[0]!.message).toContain('(a f64 view is 8 bytes)');
  });

  it('flags a view at the byteOffset of a Node Buffer, which a stream or a socket cuts at any byte, unless it is checked or copied', () => {
    const code = [
      "import { Buffer } from 'node:buffer';",
      'export function samples(chunk: Buffer, pcm: Buffer | Uint8Array, bytes: Uint8Array) {',
      '  const a = new Int16Array(chunk.buffer, chunk.byteOffset, chunk.length / 2);',
      '  const b = new Int16Array(pcm.buffer, pcm.byteOffset, pcm.byteLength >> 1);',
      '  const c = new Int16Array(bytes.buffer, bytes.byteOffset, bytes.byteLength >> 1);',
      '  const aligned = chunk.byteOffset % 2 === 0 ? chunk : Buffer.from(chunk);',
      '  const d = new Int16Array(aligned.buffer, aligned.byteOffset, aligned.length / 2);',
      '  const viewed = chunk.byteOffset % 2 === 0 ? chunk : chunk.subarray(1);',
      '  const e = new Int16Array(viewed.buffer, viewed.byteOffset, viewed.length / 2);',
      '  if (chunk.byteOffset % Float64Array.BYTES_PER_ELEMENT !== 0) return [a, b, c, d, e];',
      '  return [new Float64Array(chunk.buffer, chunk.byteOffset, chunk.length / 8)];',
      '}',
    ].join('\n');
    const found = lint(code);
    // A plain Uint8Array is left alone: most start at 0 of a buffer of their own.
    expect(found.map(f => `${f.line}:${f.messageId}`)).toEqual([
      '3:unalignedData',
      '4:unalignedData',
      '9:unalignedData',
    ]);
    expect(found[0]!.message).toBe(
      "`new Int16Array(…)` throws a RangeError if `chunk.byteOffset` (a Node Buffer's byteOffset) is not a multiple of 2. Check `chunk.byteOffset % 2 === 0` first, or copy the bytes into an aligned buffer.",
    );
  });

  it('flags an element index passed as a byte offset, and an offset found by searching the data', () => {
    const code = [
      'export function views(memory: WebAssembly.Memory, start: number, end: number, file: ArrayBuffer, text: string) {',
      '  const words = new Int32Array(memory.buffer, start >> 2, (end - start) >> 2);',
      '  const floats = new Float32Array(memory.buffer, start / 4, 4);',
      '  const unsigned = new Int32Array(memory.buffer, start >>> 0, 4);',
      '  const aligned = new Float64Array(memory.buffer, (start >> 3) << 3, 2);',
      "  const marker = 'end_header\\n';",
      '  const headerEnd = text.indexOf(marker) + marker.length;',
      '  const data = new Float32Array(file, headerEnd, 4);',
      '  return [words, floats, unsigned, aligned, data];',
      '}',
    ].join('\n');
    const found = lint(code);
    expect(found.map(f => `${f.line}:${f.messageId}`)).toEqual(['2:elementIndex', '3:elementIndex', '8:unalignedData']);
    expect(found[0]!.message).toBe(
      '`new Int32Array(…)` takes a byte offset, but `start >> 2` is an element index (an address divided by 4). Pass the byte address itself.',
    );
    expect(found[2]!.message).toContain(
      '`new Float32Array(…)` throws a RangeError if `headerEnd` (a position found by `indexOf`) is not a multiple of 4. Check `headerEnd % 4 === 0` first, or copy the bytes into an aligned buffer.',
    );
  });

  it('relies on what Node does: a Buffer.from copy starts at a multiple of 8, in the pool or in a buffer of its own', () => {
    const odd = Buffer.alloc(9000).subarray(1);
    for (const length of [1, 3, 7, 100, 4095, 4096, 8191]) {
      for (let i = 0; i < 3; i++)
        expect(Buffer.from(odd.subarray(0, length)).byteOffset % 8, `length ${length}`).toBe(0);
    }
  });

  it('stays quiet on byte views, DataViews, unknown offsets and aligned ones', () => {
    const code = [
      'export function f(buf: ArrayBuffer, off: number, u8: Uint8Array) {',
      '  return [new Uint8Array(buf, 3), new DataView(buf, 3), new Float64Array(buf, off), new Float64Array(buf, 16), new Float64Array(u8)];',
      '}',
    ].join('\n');
    expect(at(code)).toEqual([]);
  });
});

const RUNTIME = [
  'export declare class Memory {',
  '  static fromTypedArray(view: ArrayBufferView): Memory;',
  '  view(dtype: string, options: { shape: number[] }): unknown;',
  '}',
].join('\n');

describe('no-misaligned-view: Float16Array (Node 24)', () => {
  it('flags a Float16Array at an odd byte offset, and leaves an even one alone', () => {
    const code = [
      'declare const buffer: ArrayBuffer;',
      'export const odd = new Float16Array(buffer, 3, 4);',
      'export const even = new Float16Array(buffer, 4, 4);',
    ].join('\n');
    expect(at(code)).toEqual(['2:20']);
  });

  it('takes the runtime’s f16 views as 2 bytes each', () => {
    const code = [
      "import { Memory } from '@memsafe/runtime';",
      'export function f(bytes: Uint8Array) {',
      '  const odd = Memory.fromTypedArray(bytes.subarray(3)).view("f16", { shape: [2] });',
      '  const even = Memory.fromTypedArray(bytes.subarray(4)).view("f16", { shape: [2] });',
      '  return [odd, even];',
      '}',
    ].join('\n');
    const found = findingsOf(rule, { 'file.ts': code, 'node_modules/@memsafe/runtime/index.d.ts': RUNTIME });
    expect(found.map(f => `${f.line}:${f.column}`)).toEqual(['3:15']);
    expect(found[0]!.message).toContain('(a f16 view is 2 bytes)');
  });
});
