import { describe, expect, it } from 'vitest';
import { applyEdits, findingsOf } from '../support/program.js';

const rule = 'no-lost-write';
const lint = (code: string) => findingsOf(rule, { 'file.ts': code });

describe(rule, () => {
  it('flags zeroing key material through a copy, and suggests the view', () => {
    const code = 'export function wipe(key: Uint8Array) {\n  key.slice(0, 32).fill(0);\n}\n';
    const [finding, ...rest] = lint(code);
    expect(rest).toEqual([]);
    expect(finding).toMatchObject({ line: 2, column: 3, messageId: 'lostWrite' });
    expect(finding!.message).toBe(
      '`key.slice(0, 32).fill(0)` writes into a copy that is then dropped; `key` is unchanged. Write through a view of `key` if that was meant.',
    );
    expect(applyEdits(code, finding!.suggestions![0]!.edits)).toContain('key.subarray(0, 32).fill(0);');
  });

  it('flags a copy held in a variable that is only ever written', () => {
    const code = [
      'export function patch(frame: Float32Array, header: Float32Array) {',
      '  const copy = new Float32Array(frame);',
      '  copy.set(header);',
      '  copy[0] = 1;',
      '}',
    ].join('\n');
    expect(lint(code).map(f => `${f.line}:${f.column}`)).toEqual(['3:3']);
  });

  it('follows the variable, not its name: a shadowing one of the same name is another', () => {
    const code = [
      'export function f(frame: Float32Array, other: Float32Array) {',
      '  const copy = frame.slice();',
      '  copy[1] = 2;',
      '  {',
      '    const copy = other;',
      '    copy[0] = copy[1]!;',
      '  }',
      '  const read = frame.slice();',
      '  {',
      '    const read = other.slice();',
      '    read.fill(0);',
      '  }',
      '  return read;',
      '}',
    ].join('\n');
    expect(lint(code).map(f => `${f.line}:${f.column}`)).toEqual(['3:3', '11:5']);
  });

  it('stays quiet where the copy is read, returned or kept, and on views and Buffers', () => {
    const code = [
      "import { Buffer } from 'node:buffer';",
      'export function f(frame: Float32Array, packet: Buffer) {',
      '  const copy = frame.slice();',
      '  copy.fill(0);',
      '  const kept = frame.slice();',
      '  kept[0] = 1;',
      '  frame.subarray(0, 4).fill(0);',
      '  packet.slice(0, 4).fill(0);',
      '  return [copy[0], kept];',
      '}',
    ].join('\n');
    expect(lint(code)).toEqual([]);
  });

  it('flags a copy handed to code that writes it and then dropped', () => {
    const code = [
      'function zero(bytes: Uint8Array) { bytes.fill(0); }',
      'export function f(bytes: Uint8Array, chunk: number) {',
      '  crypto.getRandomValues(bytes.slice(0, chunk));',
      '  zero(bytes.slice(chunk));',
      '  const kept = crypto.getRandomValues(bytes.slice(0, chunk));',
      '  crypto.getRandomValues(bytes.subarray(chunk));',
      '  return kept;',
      '}',
    ].join('\n');
    const findings = lint(code);
    expect(findings.map(f => `${f.line}:${f.column}`)).toEqual(['3:3', '4:3']);
    expect(findings[0]!.message).toBe(
      '`crypto.getRandomValues(bytes.slice(0, chunk))` writes into a copy that is then dropped; `bytes` is unchanged. Write through a view of `bytes` if that was meant.',
    );
  });
});
