import { describe, expect, it } from 'vitest';
import { applyEdits, findingsOf } from '../support/program.js';

const rule = 'no-ambiguous-slice';
const lint = (code: string) => findingsOf(rule, { 'file.ts': code });

describe(rule, () => {
  it('autofixes Buffer#slice to subarray, which is the same function', () => {
    const code = "import { Buffer } from 'node:buffer';\nexport const head = (b: Buffer) => b.slice(0, 4);\n";
    const [finding, ...rest] = lint(code);
    expect(rest).toEqual([]);
    expect(finding).toMatchObject({ line: 2, column: 36, messageId: 'bufferSlice' });
    expect(finding!.message).toBe(
      '`Buffer#slice` is deprecated and returns a view that shares memory with `b`, unlike `Uint8Array#slice`, which copies. Use `subarray()`, which says so.',
    );
    expect(applyEdits(code, finding!.fix!)).toBe("import { Buffer } from 'node:buffer';\nexport const head = (b: Buffer) => b.subarray(0, 4);\n");
  });

  it('flags a Uint8Array slice whose result is written, and suggests an explicit copy', () => {
    const code = 'export function scrub(key: Uint8Array) {\n  const working = key.slice(0, 16);\n  working.fill(0);\n  return key;\n}\n';
    const [finding] = lint(code);
    expect(finding).toMatchObject({ line: 2, messageId: 'ambiguousSlice' });
    expect(finding!.message).toContain('this code writes to the result `working`, which only works if `slice()` copies');
    expect(applyEdits(code, finding!.suggestions![0]!.edits)).toContain('const working = new Uint8Array(key.subarray(0, 16));');
  });

  it('flags a slice kept while the source changes', () => {
    const code = 'export function f(frame: Uint8Array) {\n  const before = frame.slice();\n  frame[0] = 255;\n  return before[0];\n}\n';
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
});
