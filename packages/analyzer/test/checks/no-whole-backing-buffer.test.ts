import { describe, expect, it } from 'vitest';
import { applyEdits, findingsOf } from '../support/program.js';

const rule = 'no-whole-backing-buffer';
const lint = (code: string) => findingsOf(rule, { 'file.ts': code });

describe(rule, () => {
  it('flags new T(x.buffer) over a typed array parameter, and suggests the exact range', () => {
    const code = 'export function f(x: Float32Array) { return new Float32Array(x.buffer); }\n';
    const [finding, ...rest] = lint(code);
    expect(rest).toEqual([]);
    expect(finding).toMatchObject({ rule, line: 1, column: 62, endColumn: 70, severity: 'error' });
    expect(finding!.message).toBe(
      '`x.buffer` is the whole backing store, not just the bytes of `x`. Pass `x.byteOffset` and `x.byteLength` too.',
    );
    expect(applyEdits(code, finding!.suggestions![0]!.edits)).toBe(
      'export function f(x: Float32Array) { return new Float32Array(x.buffer, x.byteOffset, x.byteLength / Float32Array.BYTES_PER_ELEMENT); }\n',
    );
  });

  it('names the Buffer pool for a Buffer', () => {
    const [finding] = lint(
      "import { Buffer } from 'node:buffer';\nconst b = Buffer.from('hi');\nexport const u = new Uint8Array(b.buffer);\n",
    );
    expect(finding!.message).toContain(
      "the whole backing store (for a pooled Buffer, Node's shared pool of 8 KiB, or 64 KiB from Node 24.18 and 26.3), not just the bytes of `b`",
    );
    expect(finding!.line).toBe(3);
  });

  it('flags DataView and Buffer.from over any view, and a value that may be a pooled Buffer passed on, returned or sent', () => {
    const code = [
      "import { Buffer } from 'node:buffer';",
      'declare function send(data: ArrayBufferLike): void;',
      'declare const port: { postMessage(message: unknown, transfer: ArrayBuffer[]): void };',
      'declare function read(): Buffer;',
      'export function f(x: Uint8Array, d: DataView) {',
      '  new DataView(x.buffer);',
      '  Buffer.from(d.buffer);',
      '  const chunk = read();',
      '  send(chunk.buffer);',
      '  port.postMessage({ bytes: chunk.buffer }, [chunk.buffer as ArrayBuffer]);',
      '  return chunk.buffer;',
      '}',
    ].join('\n');
    expect(lint(code).map(f => f.line)).toEqual([6, 7, 9, 10, 10, 11]);
  });

  it('judges a parameter passed on whole at each call site, by the argument', () => {
    const code = [
      'declare const port: { postMessage(message: unknown, transfer: Transferable[]): void };',
      'export function post(frame: Uint8Array) {',
      '  port.postMessage(frame, [frame.buffer]);',
      '}',
      'export function caller(file: Uint8Array) {',
      '  post(file.subarray(16));',
      '  post(new Uint8Array(64));',
      '  post(new Uint8Array(64).slice(16));',
      '  post(file);',
      '}',
    ].join('\n');
    const findings = lint(code);
    expect(findings.map(f => `${f.line}:${f.column}:${f.messageId}`)).toEqual(['6:8:partOfBuffer']);
    expect(findings[0]!.message).toBe(
      '`file.subarray(16)` is part of a larger buffer, and `post` transfers all of it through `frame.buffer` (line 3). Pass a copy made with `slice()`.',
    );
  });

  it('follows .buffer kept in a variable, and a view that has an offset but no length', () => {
    const code = [
      "import { Buffer } from 'node:buffer';",
      'declare const port: { postMessage(message: unknown, transfer: Transferable[]): void };',
      'function encode(): Uint8Array { return Buffer.from([1, 2, 3]); }',
      'export function f(input: Uint8Array) {',
      '  const message = encode().buffer;',
      '  port.postMessage(message, [message]);',
      '  return new DataView(input.buffer, input.byteOffset);',
      '}',
    ].join('\n');
    expect(lint(code).map(f => `${f.line}:${f.messageId}`)).toEqual(['5:wholeBuffer', '7:toEnd']);
    const toEnd = lint(code)[1]!;
    expect(toEnd.message).toBe(
      '`new DataView(input.buffer, input.byteOffset)` runs from `input.byteOffset` to the end of the backing store, past the bytes of `input`. Pass `input.byteLength` too.',
    );
    expect(applyEdits(code, toEnd.suggestions![0]!.edits)).toContain(
      'new DataView(input.buffer, input.byteOffset, input.byteLength)',
    );
  });

  it('lets a view with an offset but no length be read at computed offsets, and at fixed ones a length check covers', () => {
    const code = [
      'export function blake2f(data: Uint8Array, out: Uint8Array, at: number) {',
      "  if (data.length !== 213) throw new RangeError('213 bytes expected');",
      '  const rounds = new DataView(data.buffer, data.byteOffset).getUint32(0);',
      '  const flags = new DataView(data.buffer, data.byteOffset + 4).getInt16(2, true);',
      '  new DataView(out.buffer, out.byteOffset).setUint8(at, rounds);',
      '  const first = new Uint32Array(data.buffer, data.byteOffset)[52];',
      '  const tail = new DataView(data.buffer, data.byteOffset).getFloat64(208);',
      '  const width = new DataView(out.buffer, out.byteOffset).getUint32(16);',
      '  const all = new Uint8Array(data.buffer, data.byteOffset);',
      '  return [rounds, flags, first, tail, width, all.length];',
      '}',
    ].join('\n');
    // 7: bytes 208 to 216 of 213; 8: `out` is never measured; 9: the view is measured whole.
    expect(lint(code).map(f => `${f.line}:${f.messageId}`)).toEqual(['7:toEnd', '8:toEnd', '9:toEnd']);
  });

  it('takes a length check only from a guard that leaves before the view, in a block around it', () => {
    const read = [
      '  const view = new DataView(png.buffer, png.byteOffset);',
      '  return [view.getUint32(16), view.getUint32(20)];',
      '}',
    ];
    const code = [
      'export function checked(png: Uint8Array) {',
      '  if (png.length < 8 || png.byteLength < 24) return undefined;',
      ...read,
      'export function unchecked(png: Uint8Array) {',
      ...read,
      'export function checkedOnOneBranch(png: Uint8Array, strict: boolean) {',
      '  if (strict) { if (png.length < 24) return undefined; }',
      ...read,
      'export function checkedTooShort(png: Uint8Array) {',
      "  if (png.length <= 20) throw new Error('short');",
      ...read,
    ].join('\n');
    expect(lint(code).map(f => `${f.line}:${f.messageId}`)).toEqual(['7:toEnd', '12:toEnd', '17:toEnd']);
  });

  it('knows what owns its whole buffer: heap views at absolute addresses, fields and variables only ever given fresh arrays', () => {
    const code = [
      'declare const Module: { HEAPF32: Float32Array; HEAPU8: Uint8Array };',
      'declare const port: { postMessage(message: unknown, transfer: Transferable[]): void };',
      'export class Builder {',
      '  #bytes = new Uint8Array(16);',
      '  grow() { this.#bytes = new Uint8Array(this.#bytes.length * 2); }',
      '  view() { return new DataView(this.#bytes.buffer); }',
      '}',
      'export function f(ptr: number, n: number, fresh: boolean) {',
      '  const floats = new Float32Array(Module.HEAPF32.buffer, ptr, n);',
      '  let bytes: Uint8Array;',
      '  if (fresh) bytes = new Uint8Array(8);',
      '  else bytes = Module.HEAPU8.slice(ptr, ptr + n);',
      '  port.postMessage(bytes, [bytes.buffer]);',
      '  const random = crypto.getRandomValues(new Uint8Array(10));',
      '  return [floats, new Uint8Array(random.buffer)];',
      '}',
    ].join('\n');
    expect(lint(code)).toEqual([]);
  });

  it('stays quiet where the range is given, the value is an ArrayBuffer, or the view owns its buffer', () => {
    const code = [
      "import { Buffer } from 'node:buffer';",
      'declare function send(data: ArrayBufferLike, offset: number, length: number): void;',
      'export function f(x: Uint8Array, ab: ArrayBuffer, memory: WebAssembly.Memory) {',
      '  new Uint8Array(x.buffer, x.byteOffset, x.byteLength);',
      '  Buffer.from(x.buffer, x.byteOffset, x.byteLength);',
      '  send(x.buffer, x.byteOffset, x.byteLength);',
      '  new Uint8Array(ab);',
      '  new Uint8Array(memory.buffer);',
      '  const owned = new Float64Array(16);',
      '  new Uint8Array(owned.buffer);',
      '  const copied = x.slice();',
      '  send(copied.buffer, 0, copied.byteLength);',
      '  new Uint8Array(new Uint16Array(4).buffer);',
      '  const range = { buffer: x.buffer, byteOffset: x.byteOffset, byteLength: x.byteLength };',
      '  send(range.buffer, range.byteOffset, range.byteLength);',
      '  if (x.buffer.byteLength > 0 && x.buffer instanceof ArrayBuffer) return x.buffer.byteLength;',
      '  return 0;',
      '}',
    ].join('\n');
    expect(lint(code)).toEqual([]);
  });

  it('does not trust a Buffer slice or a let binding to own its buffer', () => {
    const code = [
      "import { Buffer } from 'node:buffer';",
      'export function f(b: Buffer) {',
      '  const s = b.slice(1);',
      '  let t = new Uint8Array(4);',
      '  t = b;',
      '  return [new Uint8Array(s.buffer), new Uint8Array(t.buffer)];',
      '}',
    ].join('\n');
    expect(lint(code).map(f => f.column)).toEqual([26, 52]);
  });

  it('suggests a copy of the exact bytes where the buffer is passed on', () => {
    const code =
      'declare function send(b: ArrayBufferLike): void;\nexport function f(all: Int16Array) { const x = all.subarray(2); send(x.buffer); }\n';
    const [finding] = lint(code);
    expect(finding!.suggestions![0]!.message).toBe('Pass a copy of exactly the bytes of `x`.');
    expect(applyEdits(code, finding!.suggestions![0]!.edits)).toContain(
      'send(x.buffer.slice(x.byteOffset, x.byteOffset + x.byteLength))',
    );
  });

  it("trusts TextEncoder#encode and a typed array's slice() to own their buffers, not a Buffer's slice()", () => {
    const code = [
      "import { Buffer } from 'node:buffer';",
      'export function f(bytes: Buffer, floats: Float32Array, plain: Uint8Array) {',
      "  const encoded = new TextEncoder().encode('hi');",
      '  const copied = floats.slice();',
      '  const copiedToo = plain.slice();',
      '  const maybeView = bytes.slice();',
      '  return [new Uint8Array(encoded.buffer), new Uint8Array(copied.buffer), new Uint8Array(copiedToo.buffer), new Uint8Array(maybeView.buffer)];',
      '}',
    ].join('\n');
    expect(lint(code).map(f => f.message.slice(0, 22))).toEqual(['`maybeView.buffer` is ']);
  });

  it('flags a copy of the backing store taken from its start, not from the view', () => {
    const code = 'export function f(view: Uint8Array) {\n  return view.buffer.slice(0, view.byteLength);\n}\n';
    const [finding, ...rest] = lint(code);
    expect(rest).toEqual([]);
    expect(finding!.message).toBe(
      '`view.buffer.slice(…)` counts from the start of the backing store, not of `view`, so the copy holds other bytes. Add `view.byteOffset` to both ends, or use `view.slice()`.',
    );
  });

  it('judges a union by its type where it is narrowed', () => {
    const code = [
      'export function f(data: ArrayBuffer | ArrayBufferView) {',
      '  return new Uint8Array(ArrayBuffer.isView(data) ? data.buffer : data);',
      '}',
    ].join('\n');
    expect(lint(code).map(f => `${f.line}:${f.column}`)).toEqual(['2:52']);
  });

  it('explains a transfer list in its own words, with no edit to suggest', () => {
    const code =
      'declare const port: { postMessage(m: unknown, t: Transferable[]): void };\nexport function f(frames: Float32Array) { const frame = frames.subarray(4); port.postMessage(frame, [frame.buffer as ArrayBuffer]); }\n';
    const [finding] = lint(code);
    expect(finding!.message).toContain(
      'Transferring it detaches every byte in it: transfer a buffer that holds exactly these bytes (`const own = frame.slice()`, then `own.buffer`).',
    );
    expect(finding!.suggestions).toBeUndefined();
  });

  it('follows ownership through a fresh buffer, an assignment and methods that return their array', () => {
    const code = [
      'export function f(words: Uint16Array) {',
      '  const empty = new DataView(new ArrayBuffer(0));',
      '  let reversed: Uint16Array;',
      '  const checks = new Uint32Array((reversed = new Uint16Array(words).reverse()).buffer);',
      '  return [new Uint8Array(empty.buffer), checks, reversed, new Uint8Array(words.reverse().buffer)];',
      '}',
    ].join('\n');
    expect(lint(code).map(f => `${f.line}:${f.column}`)).toEqual(['5:74']);
  });

  it('does not advise repeating an expression with effects', () => {
    const [finding] = lint(
      'declare function next(): Uint16Array;\nexport const all = new Uint32Array(next().buffer);\n',
    );
    expect(finding!.message).toContain('Keep the view in a variable, and pass its byteOffset and byteLength too.');
    expect(finding!.suggestions).toBeUndefined();
  });

  it('follows what callers pass, helpers that return their argument, and the arrays TypedArray.from makes', () => {
    const code = [
      'class Reference {',
      '  constructor(private readonly dataView: DataView, readonly offset: number) {}',
      '  bytes(length: number) { return new Uint8Array(this.dataView.buffer, this.offset, length); }',
      '  child(offset: number) { return new Reference(this.dataView, offset); }',
      '}',
      'export function toReference(buffer: ArrayBuffer) { return new Reference(new DataView(buffer), 0); }',
      'function header(view: DataView) { return new Uint8Array(view.buffer, 8, 4); }',
      'export function parse(file: ArrayBuffer) { return header(new DataView(file)); }',
      'function widen(values: Int32Array, bits: 32 | 64): Int32Array | BigInt64Array { return bits === 32 ? values : BigInt64Array.from(values, BigInt); }',
      'export function upload(values: Int32Array, bits: 32 | 64) {',
      '  const int32 = Int32Array.from(values, Number);',
      '  return [new Uint8Array(int32.buffer), new Uint8Array(widen(new Int32Array(4), bits).buffer)];',
      '}',
      'export class Bytes extends Uint8Array {',
      '  get parent() { return this.buffer; }',
      '}',
    ].join('\n');
    expect(lint(code)).toEqual([]);
  });

  it('leaves out the returns of a branch taken only with an optional argument the call does not pass', () => {
    const code = [
      'async function download(size: number, getTarget?: () => Uint8Array): Promise<Uint8Array> {',
      '  const mapped = new ArrayBuffer(size + 16);',
      '  if (getTarget) {',
      '    const target = getTarget();',
      '    target.set(new Uint8Array(mapped, 0, size));',
      '    return target;',
      '  }',
      '  return new Uint8Array(mapped.slice(0, size));',
      '}',
      'declare const pool: Uint8Array;',
      'export async function fresh(size: number) { return new Float32Array((await download(size)).buffer); }',
      'export async function into(size: number) { return new Float32Array((await download(size, () => pool.subarray(8))).buffer); }',
    ].join('\n');
    expect(lint(code).map(f => `${f.line}:${f.messageId}`)).toEqual(['12:wholeBuffer']);
  });

  it('follows a method called through a constant that holds one of two object literals', () => {
    const files = {
      'node-utils.ts':
        "import { Buffer } from 'node:buffer';\nexport const nodeUtils = { allocate(size: number): Uint8Array { return Buffer.alloc(size); } };\n",
      'web-utils.ts': 'export const webUtils = { allocate: (size: number): Uint8Array => new Uint8Array(size) };\n',
      'pooled-utils.ts':
        "import { Buffer } from 'node:buffer';\nexport const pooledUtils = { allocate: (size: number): Uint8Array => Buffer.allocUnsafe(size) };\n",
      'utils.ts': [
        "import { nodeUtils } from './node-utils.js';",
        "import { webUtils } from './web-utils.js';",
        "import { pooledUtils } from './pooled-utils.js';",
        'interface Utils { allocate(size: number): Uint8Array }',
        'declare const hasBuffer: boolean;',
        'export const Utils: Utils = hasBuffer ? nodeUtils : webUtils;',
        'export const Fast: Utils = hasBuffer ? pooledUtils : webUtils;',
        'export function floats(n: number) { return new Float32Array(Utils.allocate(n * 4).buffer); }',
        'export function fastFloats(n: number) { return new Float32Array(Fast.allocate(n * 4).buffer); }',
      ].join('\n'),
    };
    expect(findingsOf(rule, files).map(f => `${f.file.split('/').pop()}:${f.line}`)).toEqual(['utils.ts:9']);
  });

  it('still reports a parameter a caller passes a part of, when it is wrapped whole', () => {
    const code = [
      'function leBytes(bytes: Uint8Array) { return new DataView(bytes.buffer).getUint32(0, true); }',
      'export function read(section: Uint8Array, at: number) { return leBytes(section.slice(at, at + 4)); }',
    ].join('\n');
    expect(lint(code).map(f => `${f.line}:${f.messageId}`)).toEqual(['1:wholeBuffer']);
  });
});
