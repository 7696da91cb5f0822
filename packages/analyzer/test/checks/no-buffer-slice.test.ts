import { describe, expect, it } from 'vitest';
import { applyEdits, findingsOf } from '../support/program.js';

const rule = 'no-buffer-slice';
const lint = (code: string) => findingsOf(rule, { 'file.ts': code });

describe(rule, () => {
  it('autofixes Buffer#slice to subarray, which is the same function', () => {
    const code = "import { Buffer } from 'node:buffer';\nexport const head = (b: Buffer) => b.slice(0, 4);\n";
    const [finding, ...rest] = lint(code);
    expect(rest).toEqual([]);
    expect(finding).toMatchObject({ line: 2, column: 36, messageId: 'bufferSlice' });
    expect(finding!.message).toBe(
      '`Buffer#slice` is deprecated, and returns a view of `b` where `Uint8Array#slice` copies. Use `subarray()`, which says so.',
    );
    expect(applyEdits(code, finding!.fix!)).toBe(
      "import { Buffer } from 'node:buffer';\nexport const head = (b: Buffer) => b.subarray(0, 4);\n",
    );
  });

  it('leaves typed arrays alone, Uint8Array included', () => {
    expect(lint('export const f = (u: Uint8Array, f: Float32Array) => [u.slice(1), f.slice(1)];\n')).toEqual([]);
  });
});
