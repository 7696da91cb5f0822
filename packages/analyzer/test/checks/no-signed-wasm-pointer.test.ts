import { describe, expect, it } from 'vitest';
import { applyEdits, findingsOf } from '../support/program.js';

const rule = 'no-signed-wasm-pointer';
const lint = (code: string) => findingsOf(rule, { 'file.ts': code });

const EXPORTS = 'declare const exports: { memory: WebAssembly.Memory; malloc(n: number): number; next(): number };\n';

describe(rule, () => {
  it('flags an export’s pointer used as an offset, and suggests making it unsigned where it is made', () => {
    const code = `${EXPORTS}export function read(n: number) {\n  const ptr = exports.malloc(n);\n  return new Uint8Array(exports.memory.buffer).subarray(ptr, ptr + n);\n}\n`;
    const [finding, ...rest] = lint(code);
    expect(rest.map(f => f.column)).toEqual([]);
    expect(finding).toMatchObject({ line: 4, column: 57, messageId: 'signedPointer' });
    expect(finding!.message).toBe(
      '`ptr` is an i32 from WebAssembly: above 2 GiB it arrives negative, and `subarray` then counts from the end of memory and reads the wrong bytes without an error. Make it unsigned where it is made: `exports.malloc(n) >>> 0`.',
    );
    expect(applyEdits(code, finding!.suggestions![0]!.edits)).toContain('const ptr = (exports.malloc(n)) >>> 0;');
  });

  it('flags a typed array made at that offset, an index, and a signed shift', () => {
    const code = `${EXPORTS}export function f() {
  const ptr = exports.next();
  const words = new Int32Array(exports.memory.buffer, ptr, 4);
  const heap = new Int32Array(exports.memory.buffer);
  return [words, heap[ptr >> 2], heap[ptr]];
}
`;
    expect(lint(code).map(f => `${f.line}:${f.column}:${f.messageId}`)).toEqual(['4:55:signedPointer', '6:23:signedShift', '6:39:signedPointer']);
    const shift = lint(code)[1]!;
    expect(applyEdits(code, shift.suggestions![0]!.edits)).toContain('heap[ptr >>> 2]');
  });

  it('stays quiet on unsigned pointers and on values that address nothing, a length included', () => {
    const code = `${EXPORTS}export function f(n: number) {
  const ptr = exports.malloc(n) >>> 0;
  const count = exports.next();
  const view = new Uint8Array(exports.memory.buffer).subarray(ptr, ptr + n);
  const words = new Uint32Array(exports.memory.buffer, ptr, count);
  return [view, words, count + 1, ptr >>> 2, Math.max(count, 0)];
}
`;
    expect(lint(code)).toEqual([]);
  });
});
