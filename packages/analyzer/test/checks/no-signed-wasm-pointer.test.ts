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
      '`ptr` is an i32 from WebAssembly: for an address above 2 GiB it is negative, and `subarray` counts it from the end of memory. Make it unsigned where it is made: `exports.malloc(…) >>> 0`.',
    );
    expect(applyEdits(code, finding!.suggestions![0]!.edits)).toContain('const ptr = (exports.malloc(n)) >>> 0;');
  });

  it('flags a pointer once, at its first use as an address, and each signed shift of it', () => {
    const code = `${EXPORTS}export function f() {
  const ptr = exports.next();
  const words = new Int32Array(exports.memory.buffer, ptr, 4);
  const heap = new Int32Array(exports.memory.buffer);
  return [words, heap[ptr >> 2], heap[ptr]];
}
`;
    expect(lint(code).map(f => `${f.line}:${f.column}:${f.messageId}`)).toEqual([
      '4:55:signedPointer',
      '6:23:signedShift',
    ]);
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

  it('flags an address of any origin shifted with sign into an index of the heap, and suggests `>>>`', () => {
    const code = `interface Module { HEAPU8: Uint8Array; HEAPU32: Uint32Array; HEAPF32: Float32Array }
export function field(Module: Module, struct: number): number {
  return Module.HEAPU32[(struct + 8) >> 2];
}
function heapFor(Module: Module, float: boolean): Uint8Array | Float32Array {
  return float ? Module.HEAPF32 : Module.HEAPU8;
}
export function pixels(Module: Module, float: boolean, ptr: number, bytes: number, shift: number) {
  const heap = heapFor(Module, float);
  return heap.subarray(ptr >> shift, (ptr + bytes) >> shift);
}
export function write(Module: Module, ptr: number, values: Float32Array, i: number) {
  Module.HEAPF32.set(values, ptr >> 2);
  return Module.HEAPF32[(ptr >> 2) + i];
}
`;
    const findings = lint(code);
    expect(findings.map(f => `${f.line}:${f.column}:${f.messageId}`)).toEqual([
      '3:25:signedHeapIndex',
      '10:24:signedHeapIndex',
      '13:30:signedHeapIndex',
      '14:26:signedHeapIndex',
    ]);
    expect(findings[0]!.message).toBe(
      '`(struct + 8) >> 2` keeps the sign of an address above 2 GiB, which breaks its use with `HEAPU32`: an index with it reads undefined and writes nothing. Shift without sign: `>>> 2`.',
    );
    expect(findings[1]!.message).toBe(
      '`ptr >> shift` keeps the sign of an address above 2 GiB, which breaks its use with `heap`: `subarray` counts it from the end of memory. Shift without sign: `>>> shift`.',
    );
    expect(findings[2]!.message).toContain(
      '`ptr >> 2` keeps the sign of an address above 2 GiB, which breaks its use with `HEAPF32`: `set` throws a RangeError. Shift without sign: `>>> 2`.',
    );
    expect(applyEdits(code, findings[0]!.suggestions![0]!.edits)).toContain('Module.HEAPU32[(struct + 8) >>> 2]');
  });

  it('reports a shift once when the pointer is also known to come from an export', () => {
    const code = `declare const Module: { HEAP32: Int32Array; _next(): number };
export function f() {
  const ptr = Module._next();
  return Module.HEAP32[ptr >> 2];
}
`;
    expect(lint(code).map(f => `${f.line}:${f.messageId}`)).toEqual(['4:signedShift']);
  });

  it("leaves alone unsigned shifts, constants, shifts into arrays that are not the heap, and the glue's own heap variables", () => {
    const code = `interface Module { HEAPU32: Uint32Array }
let HEAP32: Int32Array;
export function setValue(ptr: number, value: number) {
  HEAP32[ptr >> 2] = value;
}
const HEADER = 16;
export function f(Module: Module, struct: number, samples: Uint16Array, table: Float32Array, i: number) {
  const own = new Uint32Array(8);
  return [Module.HEAPU32[(struct + 8) >>> 2], Module.HEAPU32[HEADER >> 2], Module.HEAPU32[12 >> 2], samples[i >> 1], table.subarray(i >> 2), own[i >> 2]];
}
`;
    expect(lint(code)).toEqual([]);
  });

  it('flags an export’s pointer as the base of an offset', () => {
    const code = `${EXPORTS}export function f(text: string) {
  const ptr = exports.malloc(text.length);
  const heap = new Uint8Array(exports.memory.buffer);
  for (let i = 0; i < text.length; i++) heap[ptr + i] = text.charCodeAt(i);
  return heap.subarray(ptr + 1, ptr + text.length);
}
`;
    expect(lint(code).map(f => `${f.line}:${f.column}:${f.messageId}`)).toEqual(['5:46:signedPointer']);
  });

  it('flags an address an import receives, once per parameter, and one step into a local helper', () => {
    const code = `let memory: WebAssembly.Memory;
const decoder = new TextDecoder();
function text(ptr: number, len: number): string {
  return decoder.decode(new Uint8Array(memory.buffer, ptr, len));
}
export async function load(bytes: BufferSource) {
  const env = {
    log(ptr: number, len: number) {
      const heap = new Uint8Array(memory.buffer);
      console.log(decoder.decode(heap.slice(ptr, ptr + len)));
    },
    warn: (ptr: number, len: number) => console.warn(text(ptr, len)),
  };
  const { instance } = await WebAssembly.instantiate(bytes, { env });
  memory = instance.exports.memory as WebAssembly.Memory;
}
`;
    const findings = lint(code);
    expect(findings.map(f => `${f.line}:${f.column}:${f.messageId}`)).toEqual([
      '4:55:signedArgument',
      '10:45:signedArgument',
    ]);
    expect(findings[1]!.message).toBe(
      '`ptr` is an address that WebAssembly passes to this import as an i32: for an address above 2 GiB it is negative, and `slice` counts it from the end of memory. Make it unsigned where it arrives: `ptr >>> 0`.',
    );
    expect(findings[0]!.message).toBe(
      '`ptr` is an address that WebAssembly passes to the import on line 12 as an i32, passed in: for an address above 2 GiB it is negative, and a typed array made at it throws a RangeError. Make it unsigned where it arrives: `ptr >>> 0`.',
    );
    expect(applyEdits(code, findings[1]!.suggestions![0]!.edits)).toContain(
      'log(ptr: number, len: number) {\n      ptr >>>= 0;\n      const heap',
    );
    expect(applyEdits(code, findings[0]!.suggestions![0]!.edits)).toContain(
      'function text(ptr: number, len: number): string {\n  ptr >>>= 0;\n  return decoder',
    );
  });

  it('finds imports returned as WebAssembly.ModuleImports and kept as importObject', () => {
    const code = `declare const memory: WebAssembly.Memory;
export function hostImports(): WebAssembly.ModuleImports {
  return { read: (ptr: number) => new DataView(memory.buffer, ptr, 4).getUint32(0, true) };
}
export class Go {
  readonly importObject: { gojs: Record<string, (...args: number[]) => void> };
  constructor() {
    const loadSlice = (array: number, len: number) => new Uint8Array(memory.buffer, array, len);
    this.importObject = { gojs: { copy: (addr: number, len: number) => void loadSlice(addr, len) } };
  }
}
`;
    expect(lint(code).map(f => `${f.line}:${f.column}:${f.messageId}`)).toEqual([
      '3:63:signedArgument',
      '8:85:signedArgument',
    ]);
  });

  it('leaves alone import arguments made unsigned on arrival, counts, and functions no module imports', () => {
    const code = `declare const memory: WebAssembly.Memory;
export function read(ptr: number, len: number) {
  return new Uint8Array(memory.buffer, ptr, len);
}
export const imports: WebAssembly.Imports = {
  env: {
    log(ptr: number, len: number) {
      ptr >>>= 0;
      return new Uint8Array(memory.buffer, ptr, len);
    },
    fill(value: number, count: number) {
      return new Uint8Array(count).fill(value);
    },
    wide(ptr: bigint) {
      return new BigUint64Array(memory.buffer)[Number(ptr)];
    },
  },
};
`;
    expect(lint(code)).toEqual([]);
  });

  it('flags a pointer from a parameter that every caller fills with an export', () => {
    const code = `${EXPORTS}function pass(text: string, malloc: (size: number) => number): number {
  const ptr = malloc(text.length);
  const heap = new Uint8Array(exports.memory.buffer);
  for (let i = 0; i < text.length; i++) heap[ptr + i] = text.charCodeAt(i);
  return ptr;
}
function fill(n: number, alloc: (size: number) => number): Uint8Array {
  const at = alloc(n);
  return new Uint8Array(exports.memory.buffer, at, n);
}
export function f(text: string) {
  return [pass(text, exports.malloc), pass(text, exports.malloc), fill(4, exports.malloc), fill(4, n => n * 8)];
}
`;
    expect(lint(code).map(f => `${f.line}:${f.messageId}`)).toEqual(['5:signedPointer']);
  });

  it('flags a pointer read from an Int32Array over the memory and handed to a helper that divides it', () => {
    const code = `declare const wasm: { memory: WebAssembly.Memory; get_slice(retptr: number): void; __wbindgen_add_to_stack_pointer(delta: number): number };
let cachedInt32: Int32Array | null = null;
function getInt32Memory(): Int32Array {
  if (cachedInt32 === null || cachedInt32.byteLength === 0) cachedInt32 = new Int32Array(wasm.memory.buffer);
  return cachedInt32;
}
function getArrayU32(ptr: number, len: number): Uint32Array {
  return new Uint32Array(wasm.memory.buffer).subarray(ptr / 4, ptr / 4 + len);
}
function getArrayU8(ptr: number, len: number): Uint8Array {
  ptr = ptr >>> 0;
  return new Uint8Array(wasm.memory.buffer).subarray(ptr, ptr + len);
}
export function slices(): [Uint32Array, Uint8Array] {
  const retptr = wasm.__wbindgen_add_to_stack_pointer(-16);
  wasm.get_slice(retptr);
  const r0 = getInt32Memory()[retptr / 4 + 0];
  const r1 = getInt32Memory()[retptr / 4 + 1];
  return [getArrayU32(r0, r1).slice(), getArrayU8(r0, r1).slice()];
}
`;
    const findings = lint(code);
    expect(findings.map(f => `${f.line}:${f.column}:${f.messageId}`)).toEqual(['8:55:signedArgument']);
    expect(findings[0]!.message).toBe(
      '`ptr` is `r0`, an i32 from WebAssembly (line 17): for an address above 2 GiB it is negative, and `subarray` counts it from the end of memory. Make it unsigned where it arrives: `ptr >>> 0`.',
    );
  });

  it('says so when a pointer keeps its name in the helper it is handed to', () => {
    const code = `${EXPORTS}function view(ptr: number, n: number) {
  return new Uint8Array(exports.memory.buffer, ptr, n);
}
export function f(n: number) {
  const ptr = exports.malloc(n);
  return view(ptr, n);
}
`;
    expect(lint(code).map(f => f.message)).toEqual([
      '`ptr` is an i32 from WebAssembly (line 6), passed in: for an address above 2 GiB it is negative, and a typed array made at it throws a RangeError. Make it unsigned where it arrives: `ptr >>> 0`.',
    ]);
  });
});

describe('no-signed-wasm-pointer: 64-bit memory', () => {
  it('leaves BigInt addresses alone: a 64-bit memory stays below 16 GiB, and a BigInt has no `>>>`', () => {
    const code = [
      'interface Exports64 {',
      '  memory: WebAssembly.Memory;',
      '  malloc(size: bigint): bigint;',
      '}',
      'declare const wasm: Exports64;',
      'export function put(bytes: Uint8Array): bigint {',
      '  const ptr = wasm.malloc(BigInt(bytes.length));',
      '  new Uint8Array(wasm.memory.buffer, Number(ptr), bytes.length).set(bytes);',
      '  new BigInt64Array(wasm.memory.buffer)[Number(ptr >> 3n)] = 1n;',
      '  return ptr;',
      '}',
    ].join('\n');
    expect(findingsOf('no-signed-wasm-pointer', { 'file.ts': code })).toEqual([]);
  });
});
