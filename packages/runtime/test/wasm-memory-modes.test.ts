// Node 24 and 26 changed wasm memory: 64-bit memories (BigInt page counts, Node 24) and a memory's
// buffer in resizable mode (toResizableBuffer(), Node 26), which growth does not detach.
// tools/test-on-nodes.mjs runs this on Node 20, 24 and 26; where a Node lacks a feature, the test
// checks that it is indeed absent there.
import { describe, expect, it } from 'vitest';
import { Memory, StalePointerError } from '../src/index.js';

const major = Number(process.versions.node.split('.')[0]);

/** Node 26's mode switches, which TypeScript's library does not declare yet on es2024. */
type SwitchableMemory = WebAssembly.Memory & {
  toResizableBuffer(): ArrayBuffer;
  toFixedLengthBuffer(): ArrayBuffer;
};

const hasModes = 'toResizableBuffer' in WebAssembly.Memory.prototype;

function memory64(): WebAssembly.Memory | undefined {
  try {
    const descriptor = { address: 'i64', initial: 1n, maximum: 4n } as unknown as WebAssembly.MemoryDescriptor;
    return new WebAssembly.Memory(descriptor);
  } catch {
    return undefined;
  }
}

describe('a memory in resizable mode (Node 26)', () => {
  it('keeps views and raw pointers valid across growth; a switch back makes raw pointers stale, naming it', () => {
    expect(hasModes).toBe(major >= 26);
    if (!hasModes) return;
    const wasm = new WebAssembly.Memory({ initial: 1, maximum: 4 }) as SwitchableMemory;
    wasm.toResizableBuffer();
    const mem = Memory.fromWasm(wasm);
    const view = mem.view('f64', { shape: [4] });
    view.set(1.5, 0);
    const raw = view.raw();
    wasm.grow(1);
    mem.grow(1);
    expect(mem.byteLength).toBe(3 * 65536);
    expect([view.get(0), raw.get(0)]).toEqual([1.5, 1.5]);
    wasm.toFixedLengthBuffer();
    expect(view.get(0)).toBe(1.5);
    expect(() => raw.get(0)).toThrow(StalePointerError);
    expect(() => raw.get(0)).toThrow(
      'wasm memory was switched back to a fixed-length buffer (toFixedLengthBuffer()), detaching the resizable one',
    );
  });

  it('says a raw pointer went stale because the memory was switched, not because it grew', () => {
    if (!hasModes) return expect(major).toBeLessThan(26);
    const wasm = new WebAssembly.Memory({ initial: 1, maximum: 4 }) as SwitchableMemory;
    const raw = Memory.fromWasm(wasm)
      .view('u8', { shape: [4] })
      .raw();
    wasm.toResizableBuffer();
    expect(() => raw.get(0)).toThrow(
      'wasm memory was switched to a resizable buffer (toResizableBuffer()), detaching the fixed-length memory.buffer',
    );
  });
});

describe('a 64-bit memory (Node 24)', () => {
  it('grows by pages counted as the memory counts them, and views it at number offsets', () => {
    const wasm = memory64();
    expect(wasm !== undefined).toBe(major >= 24);
    if (wasm === undefined) return;
    const mem = Memory.fromWasm(wasm);
    const view = mem.view('u32', { shape: [2], offset: 2 });
    view.set(7, 1);
    const raw = view.raw();
    mem.grow(1);
    expect(mem.byteLength).toBe(2 * 65536);
    expect(new Uint32Array(wasm.buffer)[3]).toBe(7);
    expect(view.get(1)).toBe(7);
    expect(() => raw.get(1)).toThrow('wasm memory grew from 65536 to 131072 bytes');
  });
});
