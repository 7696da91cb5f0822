import { describe, expect, it } from 'vitest';
import { applyEdits, findingsOf } from '../support/program.js';

const rule = 'no-implicit-copy';
const lint = (code: string, options?: Record<string, unknown>) => findingsOf(rule, { 'file.ts': code }, options);
const at = (code: string, options?: Record<string, unknown>) => lint(code, options).map(f => `${f.line}:${f.column}`);

describe(rule, () => {
  it('flags a slice in a loop, says how many bytes it moves, and suggests the view', () => {
    const code = [
      'const samples = new Float32Array(1024);',
      'export function peaks(out: number[]) {',
      '  for (let i = 0; i < 16; i++) {',
      '    const window = samples.slice(0, 256);',
      '    out.push(Math.max(...window));',
      '  }',
      '}',
    ].join('\n');
    const findings = lint(code);
    expect(findings.map(f => `${f.line}:${f.column}`)).toEqual(['4:20', '5:23']);
    expect(findings[0]!.message).toBe(
      '`samples.slice(0, 256)` copies 1,024 bytes on every iteration of the loop. If it is only read, use a view: `subarray()`.',
    );
    expect(applyEdits(code, findings[0]!.suggestions![0]!.edits)).toContain('const window = samples.subarray(0, 256);');
    expect(findings[1]!.message).toBe(
      '`...window` copies every element of `window` on every iteration of the loop. It also boxes each element; read them in place, or fill an array allocated once outside.',
    );
  });

  it('knows the whole size of a declared array and the view form of a same-class copy', () => {
    const code = [
      'const frame = new Float64Array(512);',
      'export function f() {',
      '  while (true) {',
      '    const copy = new Float64Array(frame);',
      '    if (copy[0]) break;',
      '  }',
      '}',
    ].join('\n');
    const [finding] = lint(code);
    expect(finding!.message).toContain('`new Float64Array(frame)` copies 4,096 bytes on every iteration of the loop.');
    expect(applyEdits(code, finding!.suggestions![0]!.edits)).toContain('const copy = frame.subarray();');
  });

  it('finds hot code in @hot functions, per-frame callbacks, data handlers, stream transforms and audio processors', () => {
    const code = [
      "import { Transform } from 'node:stream';",
      'declare const bytes: Uint8Array;',
      'declare const stream: { on(event: string, fn: (chunk: Uint8Array) => void): void };',
      '/** @hot */',
      'export function render() { return bytes.slice().length; }',
      'requestAnimationFrame(() => { Array.from(bytes); });',
      'stream.on("data", chunk => { structuredClone(chunk); });',
      'stream.on("end", () => { bytes.slice(); });',
      'export const t = new Transform({ transform(chunk: Uint8Array, _e, done) { done(null, new Uint8Array(chunk)); } });',
      'declare class AudioWorkletProcessor {}',
      'export class Gain extends AudioWorkletProcessor { process(input: Float32Array) { return input.map(x => x * 2)[0]; } }',
      'export function cold() { return bytes.slice()[0]; }',
    ].join('\n');
    const found = lint(code);
    expect(found.map(f => `${f.line}:${f.column}`)).toEqual(['5:35', '6:31', '7:30', '9:86', '11:89']);
    expect(found.map(f => f.message.split(' copies ')[1]!.split('.')[0])).toEqual([
      'every element of `bytes` on every call of this `@hot` function',
      'every element of `bytes` on every `requestAnimationFrame` callback',
      "every element of `chunk` on every `'data'` event",
      'every element of `chunk` on every call of `Transform#transform`',
      'every element of `input` on every call of `AudioWorkletProcessor#process`',
    ]);
  });

  it('flags a Buffer.concat that regrows inside a loop, and not one that joins once', () => {
    const code = [
      "import { Buffer } from 'node:buffer';",
      'export function join(chunks: Buffer[]) {',
      '  let all = Buffer.alloc(0);',
      '  for (const chunk of chunks) all = Buffer.concat([all, chunk]);',
      '  for (const chunk of chunks) console.log(Buffer.concat([chunk, chunk]).length);',
      '  return Buffer.concat(chunks);',
      '}',
    ].join('\n');
    const found = lint(code);
    expect(found.map(f => `${f.line}:${f.column}`)).toEqual(['4:37']);
    expect(found[0]!.message).toBe(
      '`Buffer.concat([all, chunk])` copies everything collected so far on every iteration of the loop, which is quadratic in the total size. Collect the chunks in an array and concat them once after it.',
    );
  });

  it('stays quiet on copies kept as they are made: returned, stored, pushed', () => {
    const code = [
      'declare const bytes: Uint8Array;',
      'export function* f(out: Uint8Array[], byIndex: Record<number, Uint8Array>) {',
      '  for (let i = 0; i < 4; i++) {',
      '    out.push(bytes.slice(i, i + 1));',
      '    byIndex[i] = bytes.slice(i);',
      '    yield bytes.slice();',
      '    if (i > 2) return bytes.slice();',
      '  }',
      '  return undefined;',
      '}',
    ].join('\n');
    expect(lint(code)).toEqual([]);
  });

  it('stays quiet on copies the code needs: kept through a branch, a literal or a variable, transferred, aligned, or handed to code it cannot see', () => {
    const code = [
      "import { Buffer } from 'node:buffer';",
      'interface GraphBuilder { constant(buffer: ArrayBufferView): void }',
      'declare const port: { postMessage(message: unknown, transfer: Transferable[]): void };',
      'function send(data: Uint8Array) { port.postMessage({ data }, [data.buffer]); }',
      'export function f(chunks: Uint8Array[], builder: GraphBuilder, kept: Uint8Array[], packets: { payload: Buffer }[]) {',
      '  for (const chunk of chunks) {',
      '    kept.push(chunk.byteOffset === 0 ? chunk : chunk.slice());',
      '    packets.push({ payload: Buffer.from(chunk) });',
      '    const aligned = chunk.byteOffset % 4 === 0 ? chunk : chunk.slice();',
      '    const words = new Uint32Array(aligned.buffer, aligned.byteOffset, aligned.length >> 2);',
      '    const owned = chunk.slice();',
      '    port.postMessage({ owned }, [owned.buffer]);',
      '    send(chunk.slice());',
      '    builder.constant(chunk.slice());',
      '    words[0] = 0;',
      '  }',
      '}',
    ].join('\n');
    expect(lint(code)).toEqual([]);
  });

  it('still flags a copy that is only read: by the standard library, by a function that reads it, or through a callback', () => {
    const code = [
      'const decoder = new TextDecoder();',
      'function sum(data: Uint8Array) { let total = 0; for (const byte of data) total += byte; return total; }',
      'export function f(chunks: Uint8Array[], each: (data: Uint8Array) => void) {',
      '  let total = 0;',
      '  for (const chunk of chunks) {',
      '    decoder.decode(chunk.slice(4));',
      '    total += sum(chunk.slice(4));',
      '    each(chunk.slice(4));',
      '    const header = chunk.slice(0, 4);',
      '    total += header[0]!;',
      '  }',
      '  return total;',
      '}',
    ].join('\n');
    expect(lint(code).map(f => f.line)).toEqual([6, 7, 8, 9]);
  });

  it('stays quiet on copies outside hot code, allocations, views, copies into existing storage and closures made in a loop', () => {
    const code = [
      'declare const bytes: Uint8Array;',
      'declare const out: Uint8Array;',
      'export const once = bytes.slice();',
      'export function f(fns: (() => Uint8Array)[]) {',
      '  for (let i = 0, c = bytes.slice(); i < c.length; i++) {',
      '    out.set(bytes.subarray(0, 4));',
      '    const fresh = new Uint8Array(64);',
      '    const listed = new Uint8Array([1, 2, 3]);',
      '    fns.push(() => bytes.slice());',
      '    void fresh; void listed;',
      '  }',
      '  for (const b of bytes.slice()) void b;',
      '}',
    ].join('\n');
    expect(lint(code)).toEqual([]);
  });

  it('takes its hot markers from the options', () => {
    const code = [
      'declare const bytes: Uint8Array;',
      'declare function everyTick(fn: () => void): void;',
      'everyTick(() => { bytes.slice(); });',
      'for (;;) bytes.slice();',
    ].join('\n');
    expect(at(code)).toEqual(['4:10']);
    expect(at(code, { loops: false, hotCallbacks: ['everyTick'] })).toEqual(['3:19']);
  });

  it('treats per-element callbacks as loop bodies', () => {
    const code = [
      'declare const rows: Uint8Array[];',
      'export const firsts = rows.map(row => row.slice()[0]);',
      'export const copies = rows.map(row => row.slice());',
    ].join('\n');
    const found = lint(code);
    expect(found.map(f => f.line)).toEqual([2]);
    expect(found[0]!.message).toContain('for every element (the callback runs once per element)');
  });

  it('flags a Buffer.concat that regrows state kept from one call to the next, also through a local copy of it', () => {
    const code = `import { Buffer } from 'node:buffer';
interface Cache { content?: Buffer }
export class Collector {
  private body = Buffer.alloc(0);
  add(chunk: Buffer): void {
    this.body = Buffer.concat([this.body, chunk]);
  }
}
export function accumulate(cache: Cache, chunk: Buffer): void {
  const old = cache.content ?? Buffer.alloc(0);
  cache.content = Buffer.concat([old, chunk], old.length + chunk.length);
}
`;
    const found = lint(code);
    expect(found.map(f => `${f.line}:${f.column}:${f.messageId}`)).toEqual([
      '6:17:regrowingState',
      '11:19:regrowingState',
    ]);
    expect(found[0]!.message).toBe(
      '`Buffer.concat([this.body, chunk])` copies everything `this.body` has collected so far on each call that adds to it, which is quadratic in the total size. Collect the chunks in an array and concat them once at the end.',
    );
  });

  it('leaves alone a concat that joins once, and one regrowing a local object outside any loop', () => {
    const code = `import { Buffer } from 'node:buffer';
export function frame(header: Buffer, body: Buffer, parts: Buffer[]): Buffer {
  const acc = { bytes: header };
  acc.bytes = Buffer.concat([acc.bytes, body]);
  let all = Buffer.concat(parts);
  all = Buffer.concat([all, header]);
  return Buffer.concat([acc.bytes, all]);
}
`;
    expect(lint(code)).toEqual([]);
  });
});
