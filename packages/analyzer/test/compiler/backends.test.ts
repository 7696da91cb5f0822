import type ts from 'typescript';
import { describe, expect, it } from 'vitest';
import { nativeTypeScript } from '../support/native.js';
import { findingsOnBoth } from '../support/program.js';

const STALE = `declare const wasm: { memory: WebAssembly.Memory; malloc(n: number): number };
export function store(bytes: Uint8Array) {
  const heap = new Uint8Array(wasm.memory.buffer);
  const ptr = wasm.malloc(bytes.length) >>> 0;
  heap.set(bytes, ptr);
}
`;
const rules = { 'no-stale-view': { severity: 'error' } } as const;

describe('the check tests, which run every case on TypeScript 6 and 7', () => {
  it('pass where both compilers find the same', () => {
    expect(findingsOnBoth({ 'file.ts': STALE }, rules).map(f => `${f.line}:${f.messageId}`)).toEqual(['5:staleView']);
  });

  it('fail where TypeScript 7 finds otherwise, here through a node test that answers wrong', () => {
    const broken: typeof nativeTypeScript = {
      ...nativeTypeScript,
      isCallExpression: (node): node is ts.CallExpression => node.getSourceFile() === undefined,
    };
    expect(() => findingsOnBoth({ 'file.ts': STALE }, rules, broken)).toThrow(
      /^TypeScript 7 finds otherwise than TypeScript 6:\n6: \[\n \{\n  "file": "file\.ts",[\s\S]*\n7: \[\]$/,
    );
  });
});
