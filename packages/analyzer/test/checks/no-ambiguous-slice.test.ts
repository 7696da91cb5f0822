import { describe, expect, it } from 'vitest';
import { applyEdits, findingsOf } from '../support/program.js';

const rule = 'no-ambiguous-slice';
const lint = (code: string) => findingsOf(rule, { 'file.ts': code });

describe(rule, () => {
  it('flags a Uint8Array slice whose result is written, and suggests an explicit copy', () => {
    const code =
      'export function scrub(key: Uint8Array) {\n  const working = key.slice(0, 16);\n  working.fill(0);\n  return key;\n}\n';
    const [finding] = lint(code);
    expect(finding).toMatchObject({ line: 2, messageId: 'ambiguousSlice' });
    expect(finding!.message).toContain(
      '`key` may be a Node Buffer, whose `slice()` is a view, not a copy, but this code writes to the result `working`. Copy explicitly.',
    );
    expect(applyEdits(code, finding!.suggestions![0]!.edits)).toContain(
      'const working = new Uint8Array(key.subarray(0, 16));',
    );
  });

  it('flags a slice kept while the source changes', () => {
    const code =
      'export function f(frame: Uint8Array) {\n  const before = frame.slice();\n  frame[0] = 255;\n  return before[0];\n}\n';
    expect(lint(code).map(f => f.message)).toEqual([
      expect.stringContaining('this code reads `before` after writing to `frame`'),
    ]);
  });

  it('stays quiet when nothing relies on the copy, and on other typed arrays', () => {
    const code = [
      'export function f(bytes: Uint8Array, floats: Float32Array) {',
      '  const head = bytes.slice(0, 4);',
      '  const total = head[0]! + head[1]!;',
      '  const part = floats.slice(0, 2);',
      '  part[0] = 1;',
      '  const copy = new Uint8Array(bytes.subarray(0, 4));',
      '  copy[0] = 0;',
      '  return total + part[0];',
      '}',
    ].join('\n');
    expect(lint(code)).toEqual([]);
  });

  it('flags a Buffer#slice relied on as a copy: written, or kept while its class writes the source again', () => {
    const code = [
      "import { Buffer } from 'node:buffer';",
      'export class Writer {',
      '  private bytes = Buffer.alloc(64);',
      '  private at = 0;',
      '  putInt(value: number) { this.at = this.bytes.writeInt32BE(value, this.at); }',
      '  array(): Buffer { return this.bytes.slice(0, this.at); }',
      '  copyOf(): Buffer { return Buffer.from(this.bytes.subarray(0, this.at)); }',
      '}',
      'export function flip(iv: Buffer) {',
      '  const block = iv.slice();',
      '  block[15] |= 0x80;',
      '  return block;',
      '}',
    ].join('\n');
    expect(lint(code).map(f => `${f.line}:${f.messageId}`)).toEqual(['6:bufferSliceRelied', '10:bufferSliceRelied']);
    expect(lint(code)[0]!.message).toBe(
      '`Buffer#slice` returns a view of `this.bytes`, not a copy, but this code keeps it while `this.bytes` is written again. Copy explicitly.',
    );
  });

  it('trusts a Buffer#slice handed out just before its class gives the field a new buffer', () => {
    const code = [
      "import { Buffer } from 'node:buffer';",
      'export class Writer {',
      '  private bytes = Buffer.allocUnsafe(64);',
      '  private at = 0;',
      '  putInt(value: number) { this.at = this.bytes.writeInt32BE(value, this.at); }',
      '  private join(): Buffer { return this.bytes.slice(0, this.at); }',
      '  flush(): Buffer {',
      '    const out = this.join();',
      '    this.at = 0;',
      '    this.bytes = Buffer.allocUnsafe(64);',
      '    return out;',
      '  }',
      '  peek(): Buffer {',
      '    const out = this.bytes.slice(0, this.at);',
      '    if (this.at > 32) this.bytes = Buffer.allocUnsafe(64);',
      '    return out;',
      '  }',
      '  take(): Buffer {',
      '    const out = this.bytes.slice(0, this.at);',
      '    this.bytes = Buffer.allocUnsafe(64);',
      '    return out;',
      '  }',
      '}',
    ].join('\n');
    // peek() gives the field a new buffer on one path only.
    expect(lint(code).map(f => `${f.line}:${f.messageId}`)).toEqual(['14:bufferSliceRelied']);
  });

  it('follows the copy into code that writes it, and trusts arrays that are never Buffers', () => {
    const code = [
      'class Bits {',
      '  constructor(readonly bytes: Uint8Array) {}',
      '  set(i: number) { this.bytes[i >> 3] |= 1 << (i & 7); }',
      '}',
      'export function parse(data: Uint8Array) {',
      '  const bytes = data.slice(0, 16);',
      '  return new Bits(bytes);',
      '}',
      'export function fresh() {',
      '  const owned = new Uint8Array(16);',
      '  const copy = owned.slice();',
      '  copy.fill(1);',
      '  return copy;',
      '}',
    ].join('\n');
    const findings = lint(code);
    expect(findings.map(f => `${f.line}:${f.messageId}`)).toEqual(['6:ambiguousSlice']);
    expect(findings[0]!.message).toContain('this code passes to `new Bits(…)`, which writes to the result `bytes`');
  });

  it('flags a Buffer#slice of a parameter kept in the result when a caller passes a field its class writes again', () => {
    const reader = (id: string, send: string) => `export class ObjectId {
  ${id}
}
export function parse(buffer: Buffer, offset: number): { id: ObjectId; next: number } {
  return { id: new ObjectId(buffer.slice(offset, offset + 12)), next: offset + 12 };
}
export class ReplyReader {
  private readonly receiveBuffer = Buffer.alloc(1024);
  constructor(private readonly onDocument: (doc: { id: ObjectId }) => void) {}
  onReply(reply: Uint8Array): void {
    ${send}
  }
}`;
    const kept = 'constructor(readonly bytes: Buffer) {}';
    const reused = 'this.receiveBuffer.set(reply, 0);\n    this.onDocument(parse(this.receiveBuffer, 0));';
    const findings = lint(reader(kept, reused));
    expect(findings.map(f => `${f.line}:${f.column}:${f.messageId}`)).toEqual(['5:29:bufferSliceRelied']);
    expect(findings[0]!.message).toBe(
      '`Buffer#slice` returns a view of `buffer`, not a copy, but this code keeps it while `this.receiveBuffer` (passed for `buffer` on line 12) is written again. Copy explicitly.',
    );
    // A constructor that copies what it is given keeps nothing of the caller's buffer.
    expect(
      lint(
        reader(
          'readonly bytes: Buffer;\n  constructor(bytes: Buffer) {\n    this.bytes = Buffer.from(bytes);\n  }',
          reused,
        ),
      ),
    ).toEqual([]);
    // A fresh buffer per reply is never written again.
    expect(lint(reader(kept, 'this.onDocument(parse(Buffer.from(reply), 0));'))).toEqual([]);
  });
});
