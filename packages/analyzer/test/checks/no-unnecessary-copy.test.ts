import { describe, expect, it } from 'vitest';
import { applyEdits, findingsOf } from '../support/program.js';

const rule = 'no-unnecessary-copy';
const lint = (code: string) => findingsOf(rule, { 'file.ts': code });
const fn = (...body: string[]) =>
  [
    'export function f(bytes: Uint8Array, out: Uint8Array): number {',
    ...body.map(line => `  ${line}`),
    '  return 0;',
    '}',
  ].join('\n');

describe(rule, () => {
  it('flags a slice that is only read and suggests subarray', () => {
    const code = fn(
      'const header = bytes.slice(0, 8);',
      'if (header[0] !== 0x89) return -1;',
      'return header.length + Math.max(...header);',
    );
    const [finding, ...rest] = lint(code);
    expect(rest).toEqual([]);
    expect(finding).toMatchObject({ line: 2, column: 18 });
    expect(finding!.message).toBe(
      '`bytes.slice(0, 8)` makes a copy that is only read, while `bytes` stays unchanged. Use `bytes.subarray(0, 8)`: the same bytes, no copy.',
    );
    expect(applyEdits(code, finding!.suggestions![0]!.edits)).toContain('const header = bytes.subarray(0, 8);');
  });

  it('flags a same-class whole copy read by a decoder, a loop and a reading method', () => {
    const code = fn(
      'const copy = new Uint8Array(bytes);',
      'let sum = 0;',
      'for (const b of copy) sum += b;',
      'out.set(copy);',
      'return sum + copy.indexOf(0) + new TextDecoder().decode(copy).length;',
    );
    const found = lint(code);
    expect(found.map(f => `${f.line}:${f.column}`)).toEqual(['2:16']);
    expect(applyEdits(code, found[0]!.suggestions![0]!.edits)).toContain('const copy = bytes.subarray();');
  });

  it("flags a copy handed straight to a typed array's set, and nothing else that looks like it", () => {
    const code = [
      "import { Buffer } from 'node:buffer';",
      'const decoder = new TextDecoder();',
      'export function f(state: Uint8Array, memory: Uint8Array, cache: Map<number, Uint8Array>, chunk: Buffer, n: number) {',
      '  state.set(memory.slice(0, n));',
      '  const text = decoder.decode(memory.slice(4, 8));',
      '  cache.set(1, memory.slice(0, n));',
      '  state.set(chunk.slice(0, n));',
      '  state.set(Uint8Array.from([1, 2, 3]));',
      '  return text;',
      '}',
    ].join('\n');
    const found = lint(code);
    // A decoder may refuse a view of shared memory; a Map keeps what it is given; Buffer#slice is
    // already a view; a list of numbers has no view form.
    expect(found.map(f => f.line)).toEqual([4]);
    expect(found[0]!.message).toBe(
      '`memory.slice(0, n)` makes a copy that is only read, while `memory` stays unchanged. Use `memory.subarray(0, n)`: the same bytes, no copy.',
    );
    expect(applyEdits(code, found[0]!.suggestions![0]!.edits)).toContain('state.set(memory.subarray(0, n));');
  });

  it('stays quiet when the copy is written, returned, stored, captured or passed on', () => {
    for (const use of [
      'copy[0] = 1;',
      'copy.fill(0);',
      'return copy.length + keep(copy);',
      'stored.push(copy);',
      'setTimeout(() => copy[0]);',
      'const b = copy.buffer;',
      'const o = copy.byteOffset;',
      'const v = copy.subarray(1);',
    ]) {
      const code = [
        'declare function keep(x: Uint8Array): number;',
        'declare const stored: Uint8Array[];',
        fn('const copy = bytes.slice();', use),
      ].join('\n');
      expect(lint(code), use).toEqual([]);
    }
  });

  it('stays quiet when the source may change while the copy lives', () => {
    for (const between of ['bytes[0] = 1;', 'bytes.fill(0);', 'mutate(bytes);', 'other();', 'await 0;']) {
      const code = [
        'declare function mutate(x: Uint8Array): void;',
        'declare function other(): void;',
        'export async function f(bytes: Uint8Array) {',
        '  const copy = bytes.slice();',
        `  ${between}`,
        '  return copy[0];',
        '}',
      ].join('\n');
      expect(lint(code), between).toEqual([]);
    }
  });

  it('keeps a copy alive for the whole loop it is read in, and accepts changes after its last use', () => {
    const loop = [
      'export function f(bytes: Uint8Array) {',
      '  const copy = bytes.slice();',
      '  let s = 0;',
      '  for (let i = 0; i < 4; i++) {',
      '    s += copy[i]!;',
      '    bytes[i] = 0;',
      '  }',
      '  return s;',
      '}',
    ].join('\n');
    expect(lint(loop)).toEqual([]);
    const after = [
      'export function f(bytes: Uint8Array) {',
      '  const copy = bytes.slice();',
      '  const s = copy[0]!;',
      '  bytes[0] = 0;',
      '  return s;',
      '}',
    ].join('\n');
    expect(lint(after).map(f => f.line)).toEqual([2]);
  });

  it('does not offer a view for a converting copy, a Buffer slice (already a view) or a let', () => {
    const code = [
      "import { Buffer } from 'node:buffer';",
      'export function f(samples: Float64Array, packet: Buffer) {',
      '  const narrowed = new Float32Array(samples);',
      '  const head = packet.slice(0, 2);',
      '  let again = samples.slice();',
      '  return narrowed[0]! + head[0]! + again[0]!;',
      '}',
    ].join('\n');
    expect(lint(code)).toEqual([]);
  });

  it('flags a copy of a fresh array made for it alone, through a constructor held in a variable too, and suggests the array itself', () => {
    const code = `function normalize(pixels: Uint8ClampedArray): Float32Array {
  const out = new Float32Array(pixels.length);
  for (let i = 0; i < pixels.length; i++) out[i] = pixels[i]! / 255;
  return out;
}
function ctor(): Float32ArrayConstructor {
  return Float32Array;
}
export class Runner {
  inputs: Float32Array[] = [];
  set(pixels: Uint8ClampedArray): void {
    const tensor = normalize(pixels);
    const Ctor = ctor();
    this.inputs = [new Ctor(tensor)];
  }
  scaled(n: number): Float32Array {
    const ones = new Float32Array(n).fill(1);
    const zeros = new Float32Array(n);
    return Float32Array.from(zeros);
  }
}
`;
    const found = lint(code);
    expect(found.map(f => `${f.line}:${f.column}:${f.messageId}`)).toEqual([
      '14:20:copyOfTemporary',
      '19:12:copyOfTemporary',
    ]);
    expect(found[0]!.message).toBe(
      '`new Ctor(tensor)` copies `tensor`, a new Float32Array (line 12) used nowhere else. Use `tensor` itself.',
    );
    expect(applyEdits(code, found[0]!.suggestions![0]!.edits)).toContain('this.inputs = [tensor];');
  });

  it('leaves alone copies of arrays used again, of views, of other classes, of parameters, and Buffer#slice', () => {
    const code = `import { Buffer } from 'node:buffer';
export function f(memory: WebAssembly.Memory, input: Float32Array, n: number) {
  const kept = new Float32Array(n);
  const a = new Float32Array(kept);
  const view = new Float32Array(memory.buffer, 0, n);
  const b = new Float32Array(view);
  const floats = new Float32Array(n);
  const c = new Float64Array(floats);
  const d = new Float32Array(input);
  const pooled = Buffer.alloc(n);
  const e = pooled.slice();
  return [a, b, c, d, e, kept];
}
`;
    expect(lint(code)).toEqual([]);
  });
});
