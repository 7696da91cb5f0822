import ts from 'typescript';
import { describe, expect, it } from 'vitest';
import { analyze, checks, hoverLines, presetRules } from '../src/index.js';
import { createNativeProgram, nativeTypeScript } from './support/native.js';
import { createProgram } from './support/program.js';

const SOURCE = `declare const wasm: { memory: WebAssembly.Memory; malloc(n: number): number };
export function store(bytes: Uint8Array, packet: Buffer): number {
  const heap = new Uint8Array(wasm.memory.buffer);
  const ptr = wasm.malloc(bytes.length) >>> 0;
  heap.set(bytes, ptr);
  const copy = bytes.slice(0, 4);
  const whole = new DataView(packet.buffer);
  return copy[0]! + whole.byteLength + packet.subarray(1).length;
}
`;

/** The hover at each needle, on one compiler. */
function hovers(compiler: typeof ts, { program, paths }: { program: ts.Program; paths: string[] }) {
  const sourceFile = program.getSourceFile(paths[0]!)!;
  const findings = analyze({
    ts: compiler,
    program,
    checks,
    rules: presetRules(checks, 'recommended'),
    files: [sourceFile],
  });
  return ['heap.set', 'slice(0', 'packet.buffer', 'subarray', 'malloc(bytes'].map(needle => {
    const hover = hoverLines(compiler, program, sourceFile, SOURCE.indexOf(needle) + 1, findings);
    return { needle, lines: hover?.lines, span: hover?.span };
  });
}

describe('hoverLines', () => {
  it('says view, copy, stale and whole backing store, the same on TypeScript 6 and 7', () => {
    const classic = hovers(ts, createProgram({ 'hover.ts': SOURCE }));
    expect(classic.map(h => h.lines)).toEqual([
      [expect.stringMatching(/^memsafe: stale — `heap` may be detached here: `wasm\.malloc\(…\)` \(line 4\)/)],
      [expect.stringMatching(/^memsafe: copy — allocates new memory, independent of `bytes`\./)],
      [expect.stringMatching(/^memsafe: `packet\.buffer` is the whole backing store, not packet's bytes/)],
      [expect.stringMatching(/^memsafe: view — shares memory with `packet` \(no copy\)\./)],
      [expect.stringMatching(/^memsafe: invalidates — this call allocates in WebAssembly memory/)],
    ]);
    expect(hovers(nativeTypeScript, createNativeProgram({ 'hover.ts': SOURCE }))).toEqual(classic);
  });
});
