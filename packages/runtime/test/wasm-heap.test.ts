import { describe, expect, it } from 'vitest';
import { OutOfBoundsError } from '../src/index.js';
import type { WasmApi } from '../src/kernels/wasm/engine.js';
import { WasmHeap, type HeapBlock } from '../src/kernels/wasm/heap.js';

/** Blocks of one arena never share a byte, and each lies inside its arena. */
function expectDisjoint(blocks: readonly HeapBlock[]): void {
  // Node 20 has no Map.groupBy.
  const byArena = new Map<HeapBlock['arena'], HeapBlock[]>();
  for (const block of blocks) byArena.set(block.arena, [...(byArena.get(block.arena) ?? []), block]);
  for (const [arena, inArena] of byArena) {
    const sorted = inArena.map(({ block }) => block).sort((a, b) => a.offset - b.offset);
    sorted.forEach((block, i) => {
      expect(block.offset % 16).toBe(0);
      expect(block.offset + block.size).toBeLessThanOrEqual(
        i + 1 < sorted.length ? sorted[i + 1]!.offset : arena.byteLength,
      );
    });
  }
}

const PAGE = 65536;
const major = Number(process.versions.node.split('.')[0]);

/** The engine's WebAssembly API, except that memories of more than `limit` pages are refused as an engine refuses them. */
function refusingAbove(limit: number): WasmApi {
  class Memory {
    constructor(descriptor: { initial: number; maximum?: number }) {
      if (descriptor.initial > limit) throw new RangeError('WebAssembly.Memory(): could not allocate memory');
      return new WebAssembly.Memory(descriptor);
    }
  }
  return { Module: WebAssembly.Module, Instance: WebAssembly.Instance, Memory } as unknown as WasmApi;
}

describe('the wasm heap', () => {
  it('places blocks one after another on 16-byte boundaries in the first arena', () => {
    const heap = new WasmHeap({ firstArenaBytes: 2 * PAGE });
    const a = heap.allocate(5, true);
    const b = heap.allocate(40, true);
    expect([a.block, b.block]).toEqual([
      { offset: 0, size: 16 },
      { offset: 16, size: 48 },
    ]);
    expect(b.arena).toBe(a.arena);
    expect(heap.arenas.map(arena => arena.byteLength)).toEqual([2 * PAGE]);
  });

  it('never grows an arena: a block that does not fit goes to a new one as large as the live arenas together', () => {
    const heap = new WasmHeap({ firstArenaBytes: 2 * PAGE });
    const first = heap.allocate(100_000, true);
    const buffer = first.arena.memory.buffer;
    heap.allocate(100_000, true);
    heap.allocate(100_000, true);
    heap.allocate(5 * PAGE, true);
    expect(heap.arenas.map(arena => arena.byteLength / PAGE)).toEqual([2, 2, 4, 8]);
    expect(first.arena.memory.buffer).toBe(buffer);
    expect(buffer.byteLength).toBe(2 * PAGE);
  });

  it('reuses a released block, cleared when asked, and merges free neighbours', () => {
    const heap = new WasmHeap({ firstArenaBytes: PAGE });
    const a = heap.allocate(32, true);
    const b = heap.allocate(32, true);
    heap.allocate(16, true);
    new Uint8Array(a.arena.memory.buffer, 0, 64).fill(9);
    heap.release(a);
    heap.release(b);
    const merged = heap.allocate(64, true);
    expect(merged.block).toEqual({ offset: 0, size: 64 });
    expect(new Uint8Array(merged.arena.memory.buffer, 0, 64).every(byte => byte === 0)).toBe(true);
    new Uint8Array(merged.arena.memory.buffer, 0, 64).fill(9);
    heap.release(merged);
    // For a copy, which overwrites it whole, a reused block is not cleared first.
    const dirty = heap.allocate(64, false);
    expect(dirty.block.offset).toBe(0);
    expect(new Uint8Array(dirty.arena.memory.buffer, 0, 64).every(byte => byte === 9)).toBe(true);
  });

  it('never hands out overlapping blocks over a long run of random allocations and releases, and ends empty', () => {
    const heap = new WasmHeap({ firstArenaBytes: 4 * PAGE });
    let seed = 20261203;
    const next = (n: number) => (seed = (seed * 1103515245 + 12345) % 2 ** 31) % n;
    const live: HeapBlock[] = [];
    for (let step = 0; step < 4000; step++) {
      if (live.length > 0 && next(3) === 0) heap.release(live.splice(next(live.length), 1)[0]!);
      else live.push(heap.allocate(1 + next(next(8) === 0 ? 40_000 : 600), true));
      if (step % 97 === 0) expectDisjoint(live);
    }
    expectDisjoint(live);
    for (const block of live.splice(0)) heap.release(block);
    expect(heap.arenas.every(arena => arena.isEmpty)).toBe(true);
    expect(heap.arenas.length).toBeLessThanOrEqual(2);
    expect(heap.allocate(16, true).block.offset).toBe(0);
  });

  it('keeps one empty arena as a spare and lets a second one go, the smaller of the two', () => {
    const heap = new WasmHeap({ firstArenaBytes: PAGE });
    const small = heap.allocate(PAGE, true);
    const large = heap.allocate(3 * PAGE, true);
    const third = heap.allocate(PAGE, true);
    expect(heap.arenas.map(arena => arena.byteLength / PAGE)).toEqual([1, 3, 4]);
    heap.release(large);
    expect(heap.arenas).toHaveLength(3);
    heap.release(small);
    expect(heap.arenas.map(arena => arena.byteLength / PAGE)).toEqual([3, 4]);
    heap.release(third);
    expect(heap.arenas.map(arena => arena.byteLength / PAGE)).toEqual([4]);
    // The spare takes the next block: no new arena for a loop that allocates and frees.
    expect(heap.allocate(PAGE, true).arena).toBe(heap.arenas[0]);
  });

  it('makes an arena of the request alone when the engine refuses a larger reservation', () => {
    const heap = new WasmHeap({ firstArenaBytes: 8 * PAGE, api: refusingAbove(2) });
    const block = heap.allocate(PAGE + 1, true);
    expect(block.arena.byteLength).toBe(2 * PAGE);
  });

  it('names the request when the engine refuses even that', () => {
    const heap = new WasmHeap({ firstArenaBytes: PAGE, api: refusingAbove(2) });
    expect(() => heap.allocate(3 * PAGE, true)).toThrow(
      new OutOfBoundsError(
        'the wasm heap cannot reserve a new arena for 196608 bytes: WebAssembly.Memory(): could not allocate memory',
      ),
    );
    expect(heap.arenas).toHaveLength(0);
  });

  it("counts an arena's reservation in `external` on Node 20 and 24, not on 26, and in neither `arrayBuffers` nor `rss`", () => {
    const before = process.memoryUsage();
    const heap = new WasmHeap({ firstArenaBytes: 1024 * PAGE });
    heap.allocate(16, true);
    const after = process.memoryUsage();
    const grew = (key: 'external' | 'arrayBuffers' | 'rss') => after[key] - before[key];
    const reserved = 64 * 2 ** 20;
    if (major >= 26) expect(grew('external')).toBeLessThan(reserved / 8);
    else expect(grew('external')).toBeGreaterThanOrEqual(reserved);
    expect(grew('arrayBuffers')).toBeLessThan(reserved / 8);
    expect(grew('rss')).toBeLessThan(reserved / 8);
  });

  it('refuses a block past 4 GiB, where wasm32 memory ends', () => {
    const heap = new WasmHeap();
    expect(() => heap.allocate(2 ** 32 + 1, true)).toThrow(
      new OutOfBoundsError('the wasm heap cannot hold 4294967297 bytes in one block: wasm32 memory ends at 4 GiB'),
    );
  });
});
