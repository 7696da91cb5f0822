import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { assembleWat } from '../../../../tools/wat.mjs';
import { findingsOf, VIRTUAL_ROOT } from '../support/program.js';

const rule = 'no-stale-view';
/** The binaries live on disk, where the analyzer looks for them; the TypeScript files stay virtual. */
const DIR = 'module-binary/';

/** A module whose `malloc` grows the memory and whose `sum` only reads it. */
const HEAP_MODULE = `(module
  (memory (export "memory") 1)
  (func (export "malloc") (param i32) (result i32) (i32.mul (memory.grow (i32.const 1)) (i32.const 65536)))
  (func (export "sum") (param i32 i32) (result i32) (i32.add (i32.load8_u (local.get 0)) (local.get 1))))`;

beforeAll(async () => {
  const bytes = await assembleWat(HEAP_MODULE, 'heap.wat');
  for (const path of ['heap.wasm', 'pkg/heap.wasm', 'bindgen/heap_bg.wasm']) {
    mkdirSync(dirname(VIRTUAL_ROOT + DIR + path), { recursive: true });
    writeFileSync(VIRTUAL_ROOT + DIR + path, bytes);
  }
});
afterAll(() => rmSync(VIRTUAL_ROOT + DIR, { recursive: true, force: true }));

const USE = `
export function total(wasm: HeapExports, bytes: Uint8Array): number {
  const ptr = wasm.malloc(bytes.length);
  const heap = new Uint8Array(wasm.memory.buffer);
  heap.set(bytes, ptr);
  const first = wasm.sum(ptr, bytes.length);
  heap[ptr] = 0;
  const more = wasm.malloc(16);
  return first + heap[ptr]! + more;
}`;

const INTERFACE = `
export interface HeapExports {
  readonly memory: WebAssembly.Memory;
  malloc(size: number): number;
  sum(ptr: number, n: number): number;
}`;

/** The code on each reported line, after the name of its file. */
function reported(files: Record<string, string>): string[] {
  const findings = findingsOf(
    rule,
    Object.fromEntries(Object.entries(files).map(([name, text]) => [DIR + name, text])),
  );
  return findings.map(f => {
    const name = f.file.slice(DIR.length);
    return `${name}: ${files[name]!.split('\n')[f.line - 1]!.trim()}`;
  });
}

/** Each view is reported once, at its first stale use: after sum when sum may grow, else after the second malloc. */
const AFTER_SUM = 'heap[ptr] = 0;';
const AFTER_MALLOC = 'return first + heap[ptr]! + more;';

describe(`${rule}, reading the module's binary`, () => {
  it('lets a view live across an export the binary shows cannot grow, named by the loader beside the interface', () => {
    const loader = `${INTERFACE}
const bytes = await fetch(new URL('./heap.wasm', import.meta.url)).then(response => response.arrayBuffer());
export const instance = await WebAssembly.instantiate(bytes);
${USE}`;
    expect(reported({ 'loader.ts': loader })).toEqual([`loader.ts: ${AFTER_MALLOC}`]);
  });

  it('finds the binary beside the declaration file that AssemblyScript or Emscripten emit', () => {
    const declarations = INTERFACE;
    const use = `import type { HeapExports } from './pkg/heap.js';\n${USE}`;
    expect(reported({ 'pkg/heap.d.ts': declarations, 'use.ts': use })).toEqual([`use.ts: ${AFTER_MALLOC}`]);
  });

  it("finds the binary beside wasm-bindgen's .wasm.d.ts", () => {
    const declarations = INTERFACE;
    const use = `import type { HeapExports } from './bindgen/heap_bg.wasm.js';\n${USE}`;
    expect(reported({ 'bindgen/heap_bg.wasm.d.ts': declarations, 'use.ts': use })).toEqual([`use.ts: ${AFTER_MALLOC}`]);
  });

  it('keeps every export a growth point when no binary can be found, or the binary lacks the export', () => {
    const missing = `${INTERFACE}\nconst url = new URL('./other.wasm', import.meta.url);\n${USE}`;
    expect(reported({ 'missing.ts': missing })).toEqual([`missing.ts: ${AFTER_SUM}`]);
    const renamed = `${INTERFACE.replaceAll('sum', 'checksum')}\nconst url = new URL('./heap.wasm', import.meta.url);\n${USE.replaceAll('sum', 'checksum')}`;
    expect(reported({ 'renamed.ts': renamed })).toEqual([`renamed.ts: ${AFTER_SUM}`]);
  });

  it('keeps an export whose body grows a growth point', () => {
    const loader = `${INTERFACE}\nconst url = new URL('./heap.wasm', import.meta.url);
export function f(wasm: HeapExports) {
  const heap = new Uint8Array(wasm.memory.buffer);
  wasm.malloc(1);
  return heap[0];
}`;
    expect(reported({ 'grows.ts': loader })).toEqual(['grows.ts: return heap[0];']);
  });
});
