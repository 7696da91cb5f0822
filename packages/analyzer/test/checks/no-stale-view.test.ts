import { describe, expect, it } from 'vitest';
import { applyEdits, findingsOf } from '../support/program.js';

const rule = 'no-stale-view';
const lint = (code: string, options?: Record<string, unknown>) => findingsOf(rule, { 'file.ts': code }, options);
const lines = (code: string, options?: Record<string, unknown>) =>
  lint(code, options).map(f => `${f.line}:${f.messageId}`);

const EXPORTS = `
interface Exports {
  memory: WebAssembly.Memory;
  malloc(size: number): number;
  /** @memsafe pure */
  sum(ptr: number, n: number): number;
}
declare const exports: Exports;
`;

describe(rule, () => {
  it('flags a view of memory.buffer used after a wasm export call, with the call named', () => {
    const code = `${EXPORTS}
export function f(bytes: Uint8Array) {
  const heap = new Uint8Array(exports.memory.buffer);
  const ptr = exports.malloc(bytes.length);
  heap.set(bytes, ptr);
}`;
    const [finding, ...rest] = lint(code);
    expect(rest).toEqual([]);
    expect(finding).toMatchObject({ line: 13, column: 3, messageId: 'staleView' });
    expect(finding!.message).toBe(
      '`heap` may be detached here: `exports.malloc(…)` (line 12) allocates in WebAssembly memory, which may grow it. Take a fresh view after it.',
    );
    expect(applyEdits(code, finding!.suggestions![0]!.edits)).toContain(
      '  new Uint8Array(exports.memory.buffer).set(bytes, ptr);',
    );
  });

  it('stays quiet on the correct patterns: a view taken after the call, a pure export, a copy taken before', () => {
    const code = `${EXPORTS}
export function f(bytes: Uint8Array) {
  const ptr = exports.malloc(bytes.length);
  new Uint8Array(exports.memory.buffer).set(bytes, ptr);
  const heap = new Uint8Array(exports.memory.buffer);
  exports.sum(ptr, bytes.length);
  heap[0] = 1;
  const copy = heap.slice(0, 4);
  exports.malloc(8);
  return copy[0];
}`;
    expect(lint(code)).toEqual([]);
  });

  it('catches memory.grow from JS, a DataView and a sub-view', () => {
    const code = `
export function f(memory: WebAssembly.Memory) {
  const data = new DataView(memory.buffer);
  const part = new Uint8Array(memory.buffer).subarray(8, 16);
  memory.grow(1);
  data.getUint8(0);
  return part[0];
}`;
    expect(lines(code)).toEqual(['6:staleView', '7:staleView']);
  });

  it('flags a write whose target is picked before the call that grows', () => {
    const code = `${EXPORTS}
export function f() {
  const heap = new Int32Array(exports.memory.buffer);
  heap[0] = exports.malloc(16);
}`;
    const [finding] = lint(code);
    expect(finding).toMatchObject({ line: 12, messageId: 'staleWrite' });
    expect(finding!.message).toContain(
      'This write through `heap` is lost: the target is picked before `exports.malloc(…)` (line 12) allocates in WebAssembly memory, which may grow it. Call first, then write through a fresh view.',
    );
  });

  it('follows branches, loops, early returns and try/finally', () => {
    const code = `${EXPORTS}
export function branches(grow: boolean) {
  const heap = new Uint8Array(exports.memory.buffer);
  if (grow) exports.malloc(1);
  return heap[0];
}
export function early(grow: boolean) {
  const heap = new Uint8Array(exports.memory.buffer);
  if (grow) {
    exports.malloc(1);
    return 0;
  }
  return heap[0];
}
export function loop(n: number) {
  const heap = new Uint8Array(exports.memory.buffer);
  for (let i = 0; i < n; i++) {
    heap[i] = 1;
    exports.malloc(1);
  }
}
export function finallyBlock() {
  const heap = new Uint8Array(exports.memory.buffer);
  try {
    exports.malloc(1);
  } finally {
    heap[0] = 0;
  }
}`;
    expect(lines(code)).toEqual(['13:staleView', '26:staleView', '35:staleView']);
  });

  it('reaches growth through functions in other files', () => {
    const findings = findingsOf(rule, {
      'alloc.ts': `${EXPORTS}\nexport function allocate(n: number) { return exports.malloc(n); }\n`,
      'main.ts': `import { allocate } from './alloc.js';\ndeclare const memory: WebAssembly.Memory;\nexport function f() {\n  const heap = new Uint8Array(memory.buffer);\n  allocate(4);\n  return heap[0];\n}\n`,
    });
    expect(findings.map(f => `${f.file}:${f.line}`)).toEqual(['main.ts:6']);
    expect(findings[0]!.message).toContain(
      '`allocate(…)` (line 5) may grow the memory: it reaches `exports.malloc(…)` (alloc.ts:10), which allocates in WebAssembly memory',
    );
  });

  it('names a file in another directory by its path from the reporting file, not a name two packages may share', () => {
    const findings = findingsOf(rule, {
      'wasm/index.ts': `${EXPORTS}\nexport function allocate(n: number) { return exports.malloc(n); }\n`,
      'app/index.ts': `import { allocate } from '../wasm/index.js';\ndeclare const memory: WebAssembly.Memory;\nexport function f() {\n  const heap = new Uint8Array(memory.buffer);\n  allocate(4);\n  return heap[0];\n}\n`,
    });
    expect(findings[0]!.message).toContain('it reaches `exports.malloc(…)` (../wasm/index.ts:10)');
  });

  it('knows a module-level cached view and a function that uses it after growth', () => {
    const code = `${EXPORTS}
const HEAP = new Uint8Array(exports.memory.buffer);
export function encode(text: string) {
  const bytes = new TextEncoder().encode(text);
  const ptr = exports.malloc(bytes.length);
  HEAP.set(bytes, ptr);
  return ptr;
}`;
    expect(lines(code)).toEqual(['14:staleView']);
  });

  it('accepts Emscripten: re-reading Module.HEAPU8 after the call, updateMemoryViews()', () => {
    const code = `
declare const Module: { HEAPU8: Uint8Array; _malloc(n: number): number; _free(p: number): void; UTF8ToString(p: number): string };
let HEAPU8: Uint8Array;
declare const wasmMemory: WebAssembly.Memory;
function updateMemoryViews() { HEAPU8 = new Uint8Array(wasmMemory.buffer); }
export function good(bytes: Uint8Array) {
  const ptr = Module._malloc(bytes.length);
  Module.HEAPU8.set(bytes, ptr);
  Module._free(ptr);
  Module.UTF8ToString(ptr);
}
export function bad(bytes: Uint8Array) {
  const heap = Module.HEAPU8;
  const ptr = Module._malloc(bytes.length);
  heap.set(bytes, ptr);
}
export function refreshed() {
  Module._malloc(8);
  updateMemoryViews();
  return HEAPU8[0];
}
export function stale() {
  Module._malloc(8);
  return HEAPU8[0];
}`;
    expect(lines(code)).toEqual(['15:staleView', '24:staleView']);
  });

  it('flags an Emscripten heap write whose right side allocates: the view is read before the call', () => {
    const code = `
declare const Module: { HEAP32: Int32Array; HEAPU8: Uint8Array; _malloc(n: number): number };
export function link(node: number) {
  Module.HEAP32[node >> 2] = Module._malloc(16);
  const ptr = Module._malloc(16);
  Module.HEAP32[node >> 2] = ptr;
}`;
    const [finding, ...rest] = lint(code);
    expect(rest).toEqual([]);
    expect(finding).toMatchObject({ line: 4, column: 3, messageId: 'staleWrite' });
    expect(finding!.message).toContain(
      'This write through `Module.HEAP32` is lost: the target is picked before `Module._malloc(…)` (line 4) allocates in WebAssembly memory, which may grow it. Call first, then write through a fresh view.',
    );
  });

  it('accepts a wasm-bindgen cached getter that re-checks byteLength, and flags its result kept across malloc', () => {
    const code = `
let wasm: any;
let cachedUint8ArrayMemory0: Uint8Array | null = null;
function getUint8ArrayMemory0() {
  if (cachedUint8ArrayMemory0 === null || cachedUint8ArrayMemory0.byteLength === 0) {
    cachedUint8ArrayMemory0 = new Uint8Array(wasm.memory.buffer);
  }
  return cachedUint8ArrayMemory0;
}
export function pass(arg: Uint8Array) {
  const ptr = wasm.__wbindgen_malloc(arg.length, 1) >>> 0;
  getUint8ArrayMemory0().set(arg, ptr);
  return ptr;
}
export function kept(arg: Uint8Array) {
  const mem = getUint8ArrayMemory0();
  const ptr = wasm.__wbindgen_malloc(arg.length, 1) >>> 0;
  mem.set(arg, ptr);
}`;
    expect(lines(code)).toEqual(['18:staleView']);
  });

  it('treats await as a point where other code may grow memory, unless told not to', () => {
    const code = `
export async function f(memory: WebAssembly.Memory, next: () => Promise<void>) {
  const heap = new Uint8Array(memory.buffer);
  await next();
  return heap[0];
}`;
    expect(lines(code)).toEqual(['5:staleView']);
    expect(lines(code, { checkAwait: false })).toEqual([]);
  });

  it('names the call that grows rather than an await before it, which only may let other code grow', () => {
    const code = `${EXPORTS}
export async function respond(fetchText: () => Promise<string>) {
  const heap = new Uint8Array(exports.memory.buffer);
  const text = await fetchText();
  const ptr = exports.malloc(text.length);
  heap[ptr] = text.length;
}`;
    const [finding, ...rest] = lint(code);
    expect(rest).toEqual([]);
    expect(finding!.message).toContain('`exports.malloc(…)` (line 13) allocates in WebAssembly memory');
  });

  it('honours @memsafe grows and the pureFunctions option', () => {
    const code = `
/** @memsafe grows */
declare function compute(): void;
declare const exports: { memory: WebAssembly.Memory; step(): void };
export function f() {
  const heap = new Uint8Array(exports.memory.buffer);
  compute();
  heap[0] = 1;
  const again = new Uint8Array(exports.memory.buffer);
  exports.step();
  again[0] = 1;
}`;
    expect(lines(code)).toEqual(['8:staleView', '11:staleView']);
    expect(lines(code, { pureFunctions: ['step'] })).toEqual(['8:staleView']);
  });

  it('knows raw pointers of @memsafe/runtime and shrinking resizable buffers', () => {
    const code = `
import { Memory } from '@memsafe/runtime';
export function f(mem: Memory) {
  const ptr = mem.view('f64', { shape: [4] }).raw();
  const array = ptr.array;
  mem.grow(1);
  return [ptr.get(0), array[0]];
}
export function g() {
  const buffer = new ArrayBuffer(64, { maxByteLength: 128 });
  const view = new Float64Array(buffer, 0, 8);
  buffer.resize(16);
  return view[7];
}`;
    expect(lines(code)).toEqual(['7:staleView', '7:staleView', '13:staleView']);
  });

  it('counts a runtime free() although `free` is a pure export name, and lets metadata be read', () => {
    const code = `
import { Memory } from '@memsafe/runtime';
export function f(mem: Memory) {
  const ptr = mem.view('u8', { shape: [4] }).raw();
  mem.free();
  const where = [ptr.offset, ptr.strides, ptr.isStale];
  return [where, ptr.array];
}`;
    expect(lines(code)).toEqual(['7:staleView']);
    expect(lint(code)[0]!.message).toContain(
      '`ptr` may be stale here: `mem.free()` (line 5) frees the memory. Take a fresh view after it.',
    );
  });

  it('leaves length-tracking views of a resizable buffer alone, and the detached check too', () => {
    const code = `
export function f(memory: WebAssembly.Memory) {
  const buffer = new ArrayBuffer(64, { maxByteLength: 128 });
  const tracking = new Uint8Array(buffer);
  const fixed = new Uint8Array(buffer, 0, 64);
  buffer.resize(16);
  const heap = new Uint8Array(memory.buffer);
  memory.grow(1);
  if (heap.buffer.detached) return 0;
  return tracking[0]! + fixed[0]!;
}`;
    expect(lines(code)).toEqual(['10:staleView']);
  });

  it('follows views kept in fields, object members and collections across a method that allocates', () => {
    const code = `${EXPORTS}
export class Bridge {
  private view = new Uint8Array(exports.memory.buffer);
  #data: DataView;
  constructor() {
    this.#data = new DataView(exports.memory.buffer);
  }
  write(bytes: Uint8Array) {
    const ptr = exports.malloc(bytes.length);
    this.view.set(bytes, ptr);
    return this.#data.getUint32(ptr, true);
  }
  read(ptr: number) {
    return this.view[ptr];
  }
}
const state = { heap: new Float64Array(exports.memory.buffer) };
const views: Uint8Array[] = [new Uint8Array(exports.memory.buffer)];
export function fill(n: number) {
  const { heap } = state;
  exports.malloc(n);
  heap[0] = 1;
  views[0]![1] = state.heap[0]!;
}`;
    expect(lines(code)).toEqual([
      '18:staleView',
      '19:staleView',
      '22:keptView',
      '30:staleView',
      '31:staleView',
      '31:staleView',
    ]);
    expect(lint(code)[0]!.message).toContain(
      '`this.view` may be detached here: `exports.malloc(…)` (line 17) allocates in WebAssembly memory, which may grow it. Take a fresh view after it.',
    );
    // `read` runs after some `write` may have grown the memory: the field is kept across calls.
    expect(lint(code)[2]!.message).toBe(
      '`this.view` may be detached here: it was made outside this function (line 11), and WebAssembly code run since (such as `exports.malloc(…)` on line 17) may have grown the memory. Take a fresh view here.',
    );
    expect(lines(code, { checkKeptViews: false })).toEqual([
      '18:staleView',
      '19:staleView',
      '30:staleView',
      '31:staleView',
      '31:staleView',
    ]);
  });

  it('accepts a class that re-derives its view by buffer identity, and views derived after the call', () => {
    const code = `${EXPORTS}
export class Bridge {
  private view = new Uint8Array(exports.memory.buffer);
  private get bytes(): Uint8Array {
    if (this.view.buffer !== exports.memory.buffer) this.view = new Uint8Array(exports.memory.buffer);
    return this.view;
  }
  write(bytes: Uint8Array) {
    const ptr = exports.malloc(bytes.length);
    if (this.view.byteLength === 0) this.view = new Uint8Array(exports.memory.buffer);
    this.view.set(bytes, ptr);
    this.bytes.set(bytes, ptr);
  }
}`;
    expect(lines(code)).toEqual([]);
  });

  it('knows views derived from a view, and the buffer of memory kept across growth', () => {
    const code = `${EXPORTS}
export function f(n: number) {
  const heap = new Uint8Array(exports.memory.buffer);
  const part = new Float32Array(heap.buffer, 64, 4);
  const buffer = exports.memory.buffer;
  exports.malloc(n);
  return [part[0], new Uint8Array(buffer, 0, 8), buffer.byteLength];
}`;
    expect(lines(code)).toEqual(['15:staleView', '15:staleView']);
  });

  it('runs callbacks registered before a growth with the state after it, and any callback as code that runs later', () => {
    const code = `${EXPORTS}
export function f(port: MessagePort, done: Promise<void>) {
  const heap = new Uint8Array(exports.memory.buffer);
  port.onmessage = event => heap.set(event.data as Uint8Array, 0);
  done.then(() => heap[0]);
  exports.malloc(1 << 20);
}
export function g(port: MessagePort) {
  exports.malloc(1 << 20);
  const heap = new Uint8Array(exports.memory.buffer);
  port.onmessage = event => heap.set(event.data as Uint8Array, 0);
}`;
    expect(lines(code)).toEqual(['12:staleView', '13:staleView', '19:keptView']);
    expect(lint(code)[2]!.message).toContain(
      '`heap` may be detached here: it was made before this callback runs (line 18), and WebAssembly code run since (such as `exports.malloc(…)` on line 14) may have grown the memory. Take a fresh view here.',
    );
    expect(lines(code, { checkKeptViews: false })).toEqual(['12:staleView', '13:staleView']);
  });

  it('leaves views of a memory that cannot grow alone', () => {
    const code = `
declare function run(memory: WebAssembly.Memory): void;
const memory = new WebAssembly.Memory({ initial: 4, maximum: 4 });
export function f() {
  const heap = new Uint8Array(memory.buffer);
  memory.grow(1);
  return heap[0];
}`;
    expect(lines(code)).toEqual([]);
  });

  it('trusts views a function re-derives when it is handed to the runtime to call on growth', () => {
    const code = `
declare function instantiate(onGrow: () => void): { memory: WebAssembly.Memory; malloc(n: number): number };
let exports: { memory: WebAssembly.Memory; malloc(n: number): number };
let U8: Uint8Array;
function updateViews() { U8 = new Uint8Array(exports.memory.buffer); }
export function load() { exports = instantiate(() => updateViews()); updateViews(); }
export function write(bytes: Uint8Array) {
  const ptr = exports.malloc(bytes.length);
  U8.set(bytes, ptr);
}`;
    expect(lines(code)).toEqual([]);
  });

  it('knows typed arrays an Emscripten module hands back (embind), and views its callers pass in', () => {
    const code = `
interface DecompressModule {
  HEAPF32: Float32Array;
  decompressImage(bytes: Uint8Array): Float32Array;
  decompressMask(bytes: Uint8Array): Uint8Array;
}
export function decode(Module: DecompressModule, image: Uint8Array, mask: Uint8Array) {
  const pixels = Module.decompressImage(image);
  const alpha = Module.decompressMask(mask);
  return pixels[0]! * alpha[0]!;
}
declare const wasm: { memory: WebAssembly.Memory; grow_things(): void };
function logBytes(arr: Uint8Array) {
  wasm.grow_things();
  return arr.join(',');
}
export function shim(ptr: number, len: number) {
  return logBytes(new Uint8Array(wasm.memory.buffer).subarray(ptr, ptr + len));
}`;
    expect(lines(code)).toEqual(['10:staleView', '15:staleView']);
  });

  it('leaves alone a buffer taken from a memory made on the spot with maximum equal to initial', () => {
    const code = `
export async function load(pages: number, read: () => Promise<Uint8Array | undefined>) {
  const buffer = new WebAssembly.Memory({ initial: pages, maximum: pages }).buffer;
  let offset = 0;
  for (let chunk = await read(); chunk !== undefined; chunk = await read()) {
    new Uint8Array(buffer, offset, chunk.length).set(chunk);
    offset += chunk.length;
  }
  return buffer;
}`;
    expect(lines(code)).toEqual([]);
  });

  it('trusts a kept view the file re-derives after every growth it makes, itself or through the function called', () => {
    const glue = (refresh: string) => `
export function hasher(mem: WebAssembly.Memory, digest: (ptr: number) => number) {
  let memory = new Uint8Array(mem.buffer);
  function ensure(bytes: number): void {
    if (mem.buffer.byteLength < bytes) {
      mem.grow(1);
      ${refresh}
    }
  }
  return {
    update(input: Uint8Array) {
      memory.set(input);
      ensure(input.length);
      memory.set(input);
    },
    digest: () => memory[0]! + digest(0),
  };
}`;
    expect(lines(glue('memory = new Uint8Array(mem.buffer);'))).toEqual([]);
    // Without the refresh, the view made before the growth is stale in both methods, and after ensure().
    expect(lines(glue(''))).toEqual(['12:keptView', '14:staleView', '16:keptView']);
  });

  it('flags a view into a freed block used after the free, or returned past a finally that frees it, and offers the copy', () => {
    const code = `
declare const Module: { HEAPU8: Uint8Array; HEAPF32: Float32Array; _malloc(n: number): number; _free(ptr: number): void; _render(ptr: number, n: number): void };
export function render(n: number): { data: Uint8Array; n: number } {
  const ptr = Module._malloc(n);
  try {
    Module._render(ptr, n);
    const data = Module.HEAPU8.subarray(ptr, ptr + n);
    return { data, n };
  } finally {
    Module._free(ptr);
  }
}
export function samples(n: number): Float32Array {
  const ptr = Module._malloc(n * 4);
  Module._render(ptr, n);
  const out = new Float32Array(Module.HEAPF32.buffer, ptr, n);
  Module._free(ptr);
  return out;
}`;
    const findings = lint(code);
    expect(findings.map(f => `${f.line}:${f.column}:${f.messageId}`)).toEqual(['8:14:freedBlock', '18:10:freedBlock']);
    expect(findings[0]!.message).toBe(
      '`data` views a freed block: `Module._free(…)` (line 10) freed `ptr`, and the next allocation reuses its bytes. Copy the bytes out first, or free after the last use of `data`.',
    );
    expect(applyEdits(code, findings[0]!.suggestions![0]!.edits)).toContain(
      'const data = Module.HEAPU8.slice(ptr, ptr + n);',
    );
    // A view made with `new` has no copying twin to offer.
    expect(findings[1]!.suggestions).toBeUndefined();
  });

  it('leaves alone what a freed block leaves intact: copies made before the free, sizes, a view used up before it, an early exit', () => {
    const code = `
declare const Module: { HEAPU8: Uint8Array; HEAPF32: Float32Array; _malloc(n: number): number; _free(ptr: number): void; _render(ptr: number, n: number): void };
export function decode(n: number): Float32Array {
  const ptr = Module._malloc(n * 4);
  Module._render(ptr, n);
  const copy = Module.HEAPF32.slice(ptr >> 2, (ptr >> 2) + n);
  const view = Module.HEAPF32.subarray(ptr >> 2, (ptr >> 2) + n);
  const owned = new Float32Array(view);
  const total = view.reduce((sum, x) => sum + x, 0);
  Module._free(ptr);
  return total > 0 ? copy : new Float32Array(view.length + owned[0]!);
}
export function first(n: number): Uint8Array | null {
  const ptr = Module._malloc(n);
  const view = Module.HEAPU8.subarray(ptr, ptr + n);
  if (view[0] === 0) {
    Module._free(ptr);
    return null;
  }
  const copy = view.slice();
  Module._free(ptr);
  return copy;
}
export function overridden(n: number): Uint8Array | null {
  const ptr = Module._malloc(n);
  try {
    const view = Module.HEAPU8.subarray(ptr, ptr + n);
    return view;
  } finally {
    Module._free(ptr);
    // The finally's own return replaces the view: the caller never gets it.
    return null;
  }
}
export function indices(n: number): Uint32Array {
  const ptr = Module._malloc(n * 4);
  try {
    Module._render(ptr, n);
    return new Uint32Array(Module.HEAPF32.buffer, ptr, n).slice();
  } finally {
    Module._free(ptr);
  }
}`;
    expect(lines(code)).toEqual([]);
  });

  it('takes a typed array made from a view for the copy it is, not a view of the same memory', () => {
    const code = `${EXPORTS}
export function f() {
  const heap = new Uint8Array(exports.memory.buffer);
  const copy = new Uint8Array(heap);
  const bytes = new Uint8Array(heap.buffer);
  exports.malloc(8);
  return copy[0]! + bytes[0]!;
}`;
    // Only \`bytes\`, the view of the same buffer, is stale.
    expect(lint(code).map(f => `${f.line}:${f.column}:${f.messageId}`)).toEqual(['15:21:staleView']);
  });

  it('says so where a function is too large to follow, rather than going quiet', () => {
    const views = Array.from({ length: 1001 }, (_, i) => `  const v${i} = new Uint8Array(exports.memory.buffer);`);
    const code = `declare const exports: { memory: WebAssembly.Memory; grow(): void };\nexport function big() {\n${views.join('\n')}\n  exports.grow();\n  return v0[0];\n}\n`;
    const findings = findingsOf('no-stale-view', { 'big.ts': code });
    expect(findings.map(f => `${f.line}:${f.column}:${f.messageId}`)).toEqual(['2:17:incomplete']);
    expect(findings[0]!.message).toBe(
      'The function `big` is not checked for stale views: it tracks more than 1,000 values at once or nests deeper than 1,000 levels, more than memsafe follows. Split it to have it checked.',
    );
  });
});

describe(`${rule}: memory in resizable mode (Node 26's toResizableBuffer)`, () => {
  const WASM = 'export declare const wasm: { memory: WebAssembly.Memory; malloc(size: number): number };\n';
  const GLUE = [
    "import { wasm } from './wasm.js';",
    'export function put(bytes: Uint8Array): number {',
    '  const heap = new Uint8Array(wasm.memory.buffer);',
    '  const ptr = wasm.malloc(bytes.length);',
    '  heap.set(bytes, ptr);',
    '  return ptr;',
    '}',
  ].join('\n');
  const findings = (files: Record<string, string>, options?: Record<string, unknown>) =>
    findingsOf(rule, { 'wasm.ts': WASM, ...files }, options).map(f => `${f.file.split('/').pop()}:${f.line}`);

  it('leaves views of a memory the program switches to resizable mode alone, wherever the switch is', () => {
    expect(findings({ 'glue.ts': GLUE })).toEqual(['glue.ts:5']);
    const init = "import { wasm } from './wasm.js';\nwasm.memory.toResizableBuffer();\n";
    expect(findings({ 'glue.ts': GLUE, 'init.ts': init })).toEqual([]);
  });

  it("knows the switch in untyped glue too, where the memory is the exports object's memory", () => {
    const untyped = 'export declare const wasm: any;\n';
    const glue = GLUE.replace('const heap =', 'const heap: Uint8Array =');
    const only = findingsOf(rule, { 'wasm.ts': untyped, 'glue.ts': glue });
    expect(only.map(f => `${f.file.split('/').pop()}:${f.line}`)).toEqual(['glue.ts:5']);
    const init = "import { wasm } from './wasm.js';\nwasm.memory.toResizableBuffer();\n";
    expect(findingsOf(rule, { 'wasm.ts': untyped, 'glue.ts': glue, 'init.ts': init })).toEqual([]);
  });

  it('reports views of the resizable buffer after a switch back, and every view again where the program switches back', () => {
    const back = [
      "import { wasm } from './wasm.js';",
      'export function fix(): number {',
      '  const tracking = new Uint8Array(wasm.memory.toResizableBuffer());',
      '  const before = tracking[0]!;',
      '  const fixed = wasm.memory.toFixedLengthBuffer();',
      '  return before + tracking[0]! + fixed.byteLength;',
      '}',
    ].join('\n');
    const found = findingsOf(rule, { 'wasm.ts': WASM, 'glue.ts': GLUE, 'back.ts': back });
    expect(found.map(f => `${f.file.split('/').pop()}:${f.line}:${f.column}`)).toEqual(['back.ts:6:19', 'glue.ts:5:3']);
    expect(found[0]!.message).toBe(
      '`tracking` may be detached here: `wasm.memory.toFixedLengthBuffer()` (line 5) switches the memory back to a fixed-length buffer, which detaches its resizable memory.buffer and every view of it. Take a fresh view after it.',
    );
  });

  it('reports a view of the fixed-length buffer after the switch to resizable mode', () => {
    // The program also switches back, so `memory.buffer` is not always resizable here.
    const code = [
      'declare const memory: WebAssembly.Memory;',
      'export function start(): number {',
      '  const early = new Uint8Array(memory.buffer);',
      '  const resizable = new Uint8Array(memory.toResizableBuffer());',
      '  const value = early[0]! + resizable[0]!;',
      '  memory.toFixedLengthBuffer();',
      '  return value;',
      '}',
    ].join('\n');
    const [finding, ...rest] = lint(code);
    expect(rest).toEqual([]);
    expect(finding).toMatchObject({ line: 5, column: 17 });
    expect(finding!.message).toBe(
      '`early` may be detached here: `memory.toResizableBuffer()` (line 4) switches the memory to a resizable buffer, which detaches its fixed-length memory.buffer and every view of it (views made after it survive growth). Take a fresh view after it.',
    );
  });

  it('offers the switch as the fix where every Node the project runs on has it', () => {
    const message = (version?: string) =>
      findingsOf(rule, { 'wasm.ts': WASM, 'glue.ts': GLUE }, version === undefined ? undefined : { version })[0]!
        .message;
    const plain =
      '`heap` may be detached here: `wasm.malloc(…)` (line 4) allocates in WebAssembly memory, which may grow it. Take a fresh view after it.';
    // The analyzer's own package.json says engines.node >=20.
    expect(message()).toBe(plain);
    expect(message('^24 || >=26')).toBe(plain);
    expect(message('>=26')).toBe(
      '`heap` may be detached here: `wasm.malloc(…)` (line 4) allocates in WebAssembly memory, which may grow it. Take a fresh view after it, or switch `wasm.memory` to resizable mode once, after instantiation (`wasm.memory.toResizableBuffer()`, Node 26): growth then leaves its views alone.',
    );
  });
});

describe(`${rule}: 64-bit memory (BigInt addresses, Node 24)`, () => {
  it('follows views made at `Number(ptr)` into growth and into a freed block', () => {
    const code = [
      'interface Exports64 {',
      '  memory: WebAssembly.Memory;',
      '  malloc(size: bigint): bigint;',
      '  free(ptr: bigint): void;',
      '}',
      'declare const wasm: Exports64;',
      'export function roundTrip(bytes: Uint8Array): number {',
      '  const ptr = wasm.malloc(BigInt(bytes.length));',
      '  const block = new Uint8Array(wasm.memory.buffer, Number(ptr), bytes.length);',
      '  block.set(bytes);',
      '  wasm.free(ptr);',
      '  const other = wasm.malloc(8n);',
      '  return block[0]! + Number(other);',
      '}',
    ].join('\n');
    expect(lines(code)).toEqual(['13:freedBlock']);
  });
});
