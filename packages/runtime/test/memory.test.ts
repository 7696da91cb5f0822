import { Buffer } from 'node:buffer';
import { describe, expect, it } from 'vitest';
import {
  DetachedError,
  kernels,
  Memory,
  OutOfBoundsError,
  ShapeError,
  StalePointerError,
  StaleViewError,
  UnsupportedError,
} from '../src/index.js';
import { growingModule } from './support/wasm.js';

describe('Memory.fromTypedArray', () => {
  it('adopts exactly the bytes of a pooled Buffer, never the pool around it', () => {
    const pooled = Buffer.from('hello');
    // Node's pool, 8 or 64 KiB by version: the bug `new Uint8Array(b.buffer)` exposes.
    expect(pooled.buffer.byteLength).toBeGreaterThanOrEqual(Buffer.poolSize);
    const mem = Memory.fromTypedArray(pooled);
    expect(mem.byteLength).toBe(5);
    expect(mem.kind).toBe('range');
    expect(mem.view('u8', { shape: [5] }).toArray()).toEqual([104, 101, 108, 108, 111]);
    expect(() => mem.view('u8', { shape: [6] })).toThrow(OutOfBoundsError);
    expect(() => mem.view('u8', { shape: [1], offset: 5 })).toThrow(OutOfBoundsError);
  });

  it('shares memory with the typed array it adopts', () => {
    const array = new Float64Array([1, 2, 3, 4]);
    const view = Memory.fromTypedArray(array.subarray(1, 3)).view('f64', { shape: [2] });
    view.set(20, 0);
    expect(array[1]).toBe(20);
    array[2] = 30;
    expect(view.get(1)).toBe(30);
  });

  it('refuses a detached buffer and things that are not views', () => {
    const array = new Uint8Array(4);
    structuredClone(array.buffer, { transfer: [array.buffer] });
    expect(() => Memory.fromTypedArray(array)).toThrow(DetachedError);
    expect(() => Memory.fromTypedArray([1, 2] as unknown as Uint8Array)).toThrow(UnsupportedError);
  });
});

describe('Memory.fromArrayBuffer', () => {
  it('recognises fixed, resizable and shared buffers', () => {
    expect(Memory.fromArrayBuffer(new ArrayBuffer(8)).kind).toBe('array-buffer');
    expect(Memory.fromArrayBuffer(new ArrayBuffer(8, { maxByteLength: 16 })).kind).toBe('resizable');
    const shared = Memory.fromArrayBuffer(new SharedArrayBuffer(8));
    expect(shared.kind).toBe('shared');
    expect(shared.isShared).toBe(true);
  });

  it('refuses what is not a buffer', () => {
    expect(() => Memory.fromArrayBuffer(new Uint8Array(4) as unknown as ArrayBuffer)).toThrow(UnsupportedError);
  });

  it('adopts fixed and resizable ArrayBuffers from another realm, as copyOf accepts them', async () => {
    const { runInNewContext } = await import('node:vm');
    const fixed = runInNewContext('new Uint8Array([1, 2, 3]).buffer') as ArrayBuffer;
    const mem = Memory.fromArrayBuffer(fixed);
    expect(mem.kind).toBe('array-buffer');
    expect([...mem.view('u8', { shape: [3] }).asTypedArray()]).toEqual([1, 2, 3]);
    const resizable = runInNewContext('new ArrayBuffer(4, { maxByteLength: 16 })') as ArrayBuffer;
    const grown = Memory.fromArrayBuffer(resizable).resize(12);
    expect(grown.kind).toBe('resizable');
    expect(grown.byteLength).toBe(12);
  });
});

describe('sizes', () => {
  it.each([-1, 1.5, Number.NaN, Infinity, '8'])('rejects byteLength %s with a ShapeError', bad => {
    expect(() => Memory.alloc(bad as number)).toThrow(ShapeError);
    expect(() => Memory.resizable(bad as number, 64)).toThrow(ShapeError);
  });

  it('rejects a resizable memory larger than its maximum', () => {
    expect(() => Memory.resizable(32, 16)).toThrow(/exceeds maxByteLength 16/);
  });
});

describe('resizable memory', () => {
  it('keeps views valid across growth without moving the generation', () => {
    const mem = Memory.resizable(16, 64);
    const view = mem.view('f64', { shape: [2] });
    view.set(7, 1);
    mem.resize(64);
    expect(mem.generation).toBe(0);
    expect(view.get(1)).toBe(7);
  });

  it('moves the generation on shrink and fails views that no longer fit', () => {
    const mem = Memory.resizable(32, 64);
    const small = mem.view('f64', { shape: [1] });
    const large = mem.view('f64', { shape: [4] });
    small.set(3, 0);
    mem.resize(8);
    expect(mem.generation).toBe(1);
    expect(small.get(0)).toBe(3);
    expect(() => large.get(0)).toThrow(OutOfBoundsError);
    expect(() => large.get(0)).toThrow(/shrank from 32 to 8 bytes/);
  });

  it('notices a shrink done directly on the buffer', () => {
    const buffer = new ArrayBuffer(32, { maxByteLength: 64 });
    const mem = Memory.fromArrayBuffer(buffer);
    const view = mem.view('u8', { shape: [32] });
    view.get(31);
    buffer.resize(16);
    expect(() => view.get(31)).toThrow(OutOfBoundsError);
    expect(mem.generation).toBe(1);
  });

  it('refuses to grow beyond the maximum', () => {
    expect(() => Memory.resizable(8, 16).resize(32)).toThrow(/maxByteLength 16/);
  });
});

describe('shared memory', () => {
  it('grows a growable SharedArrayBuffer without invalidating anything', () => {
    const mem = Memory.shared(16, 64);
    const view = mem.view('i32', { shape: [4] });
    view.set(9, 3);
    mem.resize(64);
    expect(mem.byteLength).toBe(64);
    expect(mem.generation).toBe(0);
    expect(view.get(3)).toBe(9);
  });

  it('never shrinks, and cannot be transferred', () => {
    const mem = Memory.shared(16, 64);
    expect(() => mem.resize(8)).toThrow(UnsupportedError);
    expect(() => mem.transfer()).toThrow(UnsupportedError);
    expect(() => Memory.shared(16).resize(32)).toThrow(UnsupportedError);
  });
});

describe('wasm memory', () => {
  it('moves the generation when JS grows it, even by 0 pages', () => {
    const mem = Memory.fromWasm(new WebAssembly.Memory({ initial: 1, maximum: 4 }));
    mem.grow(0);
    expect(mem.generation).toBe(1);
    mem.grow(1);
    expect(mem.generation).toBe(2);
    expect(mem.byteLength).toBe(2 * 65536);
  });

  it('notices growth done inside wasm and re-derives its views', async () => {
    const wasm = await growingModule();
    const mem = Memory.fromWasm(wasm.memory);
    const view = mem.view('f64', { shape: [4] });
    view.set(1.5, 2);
    const staleArray = new Float64Array(wasm.memory.buffer, 0, 4);
    wasm.grow(1);
    expect(staleArray[2]).toBeUndefined(); // what plain JS gives: no error, just undefined
    expect(view.get(2)).toBe(1.5);
    wasm.store(16, 2.5);
    expect(view.get(2)).toBe(2.5);
    expect(mem.generation).toBe(1);
  });

  it('does not invalidate anything when shared wasm memory grows', () => {
    const memory = new WebAssembly.Memory({ initial: 1, maximum: 4, shared: true });
    const mem = Memory.fromWasm(memory);
    const view = mem.view('u8', { shape: [8] });
    const ptr = view.raw();
    mem.grow(1);
    expect(mem.generation).toBe(0);
    expect(ptr.array.length).toBe(65536);
    expect(mem.isShared).toBe(true);
  });

  it('grow() and resize() name the right method for other memory kinds', () => {
    expect(() => Memory.resizable(8, 16).grow(1)).toThrow(/use resize\(byteLength\)/);
    expect(() => Memory.fromWasm(new WebAssembly.Memory({ initial: 1 })).resize(8)).toThrow(UnsupportedError);
    expect(() => Memory.alloc(8, { placement: 'js' }).resize(16)).toThrow(/transfer\(byteLength\)/);
    expect(() => Memory.fromWasm({} as WebAssembly.Memory)).toThrow(UnsupportedError);
  });
});

describe('where Memory.alloc places bytes', () => {
  it('places them in the wasm heap by default, where the engine runs the SIMD kernels', () => {
    expect(kernels.engine().simd).toBe(true);
    const memory = Memory.alloc(24);
    expect(memory.kind).toBe('wasm');
    expect(Memory.alloc(24, { placement: 'js' }).kind).toBe('array-buffer');
    memory.free();
  });

  it('places a block larger than wasm32 memory in an ArrayBuffer by default, and refuses it with placement wasm', () => {
    const byteLength = 2 ** 32 + 16;
    const memory = Memory.alloc(byteLength);
    expect(memory.kind).toBe('array-buffer');
    expect(memory.byteLength).toBe(byteLength);
    memory.free();
    expect(() => Memory.alloc(byteLength, { placement: 'wasm' })).toThrow(
      new OutOfBoundsError('the wasm heap cannot hold 4294967312 bytes in one block: wasm32 memory ends at 4 GiB'),
    );
  });
});

describe("placement: 'wasm'", () => {
  it('allocates exactly the asked bytes in the one wasm heap that all such blocks share', () => {
    const a = Memory.alloc(100_000, { placement: 'wasm' });
    const b = Memory.alloc(24, { placement: 'wasm' });
    expect(a.kind).toBe('wasm');
    expect(a.byteLength).toBe(100_000);
    const x = a.view('f64', { shape: [12_500] });
    const y = b.view('f64', { shape: [3] });
    expect(x.liveArray().buffer).toBe(y.liveArray().buffer);
    expect(() => a.view('f64', { shape: [12_501] })).toThrow(OutOfBoundsError);
    a.free();
    b.free();
  });

  it('gives a freed block to the next allocation, cleared', () => {
    const first = Memory.alloc(64, { placement: 'wasm' });
    const keep = Memory.alloc(8, { placement: 'wasm' });
    kernels.fill(first.view('f64', { shape: [8] }), 7);
    const pointer = first.view('u8', { shape: [1] }).raw();
    first.free();
    const second = Memory.alloc(64, { placement: 'wasm' });
    expect(second.view('f64', { shape: [8] }).toArray()).toEqual([0, 0, 0, 0, 0, 0, 0, 0]);
    expect(() => pointer.array).toThrow(StalePointerError);
    second.free();
    keep.free();
  });

  it('never detaches a block: a block too large for the arenas in use goes to a new arena', () => {
    const small = Memory.alloc(16, { placement: 'wasm' });
    const view = small.view('f64', { shape: [2] });
    view.set(1.5, 1);
    const pointer = view.raw();
    const array = view.asTypedArray();
    const large = Memory.alloc(80 * 2 ** 20, { placement: 'wasm' });
    expect(large.view('u8', { shape: [1] }).liveArray().buffer).not.toBe(array.buffer);
    expect(pointer.array[1]).toBe(1.5);
    expect(array[1]).toBe(1.5);
    expect(small.generation).toBe(0);
    large.free();
    small.free();
  });

  it('makes views of a freed block throw, though the heap stays attached', () => {
    const block = Memory.alloc(16, { placement: 'wasm' });
    const view = block.view('f64', { shape: [2] });
    view.set(1.5, 1);
    expect(view.get(1)).toBe(1.5);
    block.free();
    expect(() => view.get(1)).toThrow(StaleViewError);
    expect(() => view.set(2, 0)).toThrow(StaleViewError);
  });

  it("refuses to grow one block, which would grow everyone's heap", () => {
    const block = Memory.alloc(16, { placement: 'wasm' });
    expect(() => block.grow(1)).toThrow(UnsupportedError);
    block.free();
  });

  it('copies into the wasm heap by default and into an ArrayBuffer with placement js, and keeps the bytes', () => {
    const before = Memory.alloc(40, { placement: 'wasm' });
    const copied = Memory.copyOf(new Float64Array([1, 2, 3]));
    expect(copied.kind).toBe('wasm');
    expect(
      before
        .view('u8', { shape: [40] })
        .toArray()
        .every(byte => byte === 0),
    ).toBe(true);
    before.free();
    expect(copied.view('f64', { shape: [3] }).toArray()).toEqual([1, 2, 3]);
    const own = Memory.copyOf(new Float64Array([1]), { placement: 'js' });
    expect(own.kind).toBe('array-buffer');
    expect(own.view('f64', { shape: [1] }).toArray()).toEqual([1]);
    copied.free();
  });

  it('names a placement it does not know', () => {
    expect(() => Memory.alloc(8, { placement: 'gpu' as never })).toThrow(
      new UnsupportedError("placement must be 'js' or 'wasm', got gpu"),
    );
  });
});

describe('free', () => {
  it('makes views throw StaleViewError and detaches an owned buffer', () => {
    const mem = Memory.alloc(16, { placement: 'js' });
    const view = mem.view('u8', { shape: [16] });
    const array = view.asTypedArray();
    mem.free();
    expect(mem.status).toBe('freed');
    expect(mem.generation).toBe(1);
    expect(mem.byteLength).toBe(0);
    expect(array.length).toBe(0); // the storage is gone, not just marked
    expect(() => view.get(0)).toThrow(StaleViewError);
    expect(() => mem.view('u8', { shape: [1] })).toThrow(StaleViewError);
  });

  it('marks range memory freed without touching the buffer it belongs to', () => {
    const backing = new Uint8Array(16);
    const mem = Memory.fromTypedArray(backing.subarray(4, 8));
    const view = mem.view('u8', { shape: [4] });
    expect(view.get(0)).toBe(0); // the view now holds a typed array that stays attached after free
    mem.free();
    expect(backing.length).toBe(16);
    expect(() => view.get(0)).toThrow(StaleViewError);
  });

  it('does nothing the second time', () => {
    const mem = Memory.alloc(8);
    mem.free();
    mem.free();
    expect(mem.generation).toBe(1);
  });
});

describe('transfer', () => {
  it('moves the bytes into a new owner and detaches the old one with its views', () => {
    const mem = Memory.alloc(16, { placement: 'js' });
    const view = mem.view('u8', { shape: [16] });
    view.set(42, 3);
    const moved = mem.transfer();
    expect(moved.view('u8', { shape: [16] }).get(3)).toBe(42);
    expect(mem.status).toBe('detached');
    expect(mem.generation).toBe(1);
    expect(() => view.get(3)).toThrow(DetachedError);
    expect(() => view.get(3)).toThrow(/use the Memory that transfer\(\) returned/);
  });

  it('changes the size when asked, keeping resizability', () => {
    const fixed = Memory.alloc(8, { placement: 'js' });
    fixed.view('u8', { shape: [8] }).set(5, 7);
    const longer = fixed.transfer(16);
    expect(longer.byteLength).toBe(16);
    expect(
      longer
        .view('u8', { shape: [16] })
        .toArray()
        .slice(6, 9),
    ).toEqual([0, 5, 0]);
    const resizable = Memory.resizable(8, 32).transfer(24);
    expect(resizable.kind).toBe('resizable');
    expect(resizable.byteLength).toBe(24);
  });

  it('refuses a size the engine cannot allocate with an OutOfBoundsError, and leaves the owner and its bytes as they were', () => {
    const mem = Memory.alloc(8, { placement: 'js' });
    const view = mem.view('u8', { shape: [8] });
    view.set(9, 2);
    expect(() => mem.transfer(2 ** 40)).toThrow(OutOfBoundsError);
    expect(() => mem.transfer(2 ** 40)).toThrow(/cannot transfer to 1099511627776 bytes/);
    expect(mem.status).toBe('live');
    expect(mem.generation).toBe(0);
    expect(view.get(2)).toBe(9);
    expect(
      mem
        .transfer(4)
        .view('u8', { shape: [4] })
        .get(2),
    ).toBe(9);
  });

  it('refuses to transfer part of a buffer, which would detach the bytes around it', () => {
    expect(() => Memory.fromTypedArray(Buffer.from('abc')).transfer()).toThrow(/belong to others/);
  });

  it("refuses to transfer a block of the wasm heap, naming placement: 'js'", () => {
    const block = Memory.alloc(8, { placement: 'wasm' });
    expect(() => block.transfer()).toThrow(
      new UnsupportedError(
        "cannot transfer a block of the runtime's wasm heap: its bytes are part of a WebAssembly.Memory that other allocations share. " +
          "Allocate with { placement: 'js' } for memory that can be transferred, or copy this one with Memory.copyOf(bytes, { placement: 'js' })",
      ),
    );
    expect(block.status).toBe('live');
    block.free();
  });

  it('notices a 0-byte buffer transferred by other code, though it loses no bytes', () => {
    const buffer = new ArrayBuffer(0);
    const mem = Memory.fromArrayBuffer(buffer);
    const view = mem.view('u8', { shape: [0] });
    structuredClone(buffer, { transfer: [buffer] });
    expect(mem.status).toBe('detached');
    expect(() => view.toArray()).toThrow(DetachedError);
    expect(() => mem.view('u8', { shape: [0] })).toThrow(DetachedError);
    expect(() => mem.transfer()).toThrow(DetachedError);
  });

  it('notices a transfer done by other code', () => {
    const buffer = new ArrayBuffer(8);
    const mem = Memory.fromArrayBuffer(buffer);
    const view = mem.view('u8', { shape: [8] });
    structuredClone(buffer, { transfer: [buffer] });
    expect(() => view.get(0)).toThrow(DetachedError);
    expect(mem.status).toBe('detached');
  });
});

describe('input that is not memory', () => {
  it('is an UnsupportedError from copyOf and fromWasm, never a copy of nothing or a memory whose writes vanish', () => {
    for (const bad of [5, 'abc', null, undefined, {}, [1, 2]]) {
      expect(() => Memory.copyOf(bad as never)).toThrow(UnsupportedError);
    }
    expect(() => Memory.copyOf(5 as unknown as ArrayBuffer)).toThrow(
      'Memory.copyOf takes an ArrayBuffer, SharedArrayBuffer, typed array, Buffer or DataView, got number',
    );
    const grow = (): number => 0;
    expect(() => Memory.fromWasm({ buffer: 5, grow } as unknown as WebAssembly.Memory)).toThrow(
      'Memory.fromWasm takes a WebAssembly.Memory, got an object whose buffer is number',
    );
    expect(() => Memory.fromWasm({ buffer: new Uint8Array(4), grow } as unknown as WebAssembly.Memory)).toThrow(
      UnsupportedError,
    );
  });

  it('accepts an ArrayBuffer from another realm', async () => {
    const { runInNewContext } = await import('node:vm');
    const foreign = runInNewContext('new Uint8Array([1, 2, 3]).buffer') as ArrayBuffer;
    expect(foreign instanceof ArrayBuffer).toBe(false);
    expect(
      Memory.copyOf(foreign)
        .view('u8', { shape: [3] })
        .toArray(),
    ).toEqual([1, 2, 3]);
  });
});

describe('copyOf', () => {
  it('copies exactly the bytes of its source', () => {
    const source = Buffer.from('hi');
    const mem = Memory.copyOf(source);
    expect(mem.byteLength).toBe(2);
    const view = mem.view('u8', { shape: [2] });
    view.set(0, 0);
    expect(source[0]).toBe(104);
    expect(Memory.copyOf(new ArrayBuffer(3)).byteLength).toBe(3);
  });
});

describe('named errors where the engine would throw its own', () => {
  it('growing wasm memory past its maximum is an OutOfBoundsError', () => {
    const mem = Memory.fromWasm(new WebAssembly.Memory({ initial: 1, maximum: 1 }));
    expect(() => mem.grow(1)).toThrow(OutOfBoundsError);
    expect(() => mem.grow(1)).toThrow(/by 1 pages/);
    expect(mem.generation).toBe(0);
  });

  it('an allocation the engine refuses is an OutOfBoundsError', () => {
    expect(() => Memory.alloc(2 ** 53 - 1)).toThrow(/cannot allocate 9007199254740991 bytes/);
    expect(() => Memory.resizable(8, 2 ** 53 - 1)).toThrow(OutOfBoundsError);
  });

  it('copying from a detached buffer is a DetachedError', () => {
    const buffer = new ArrayBuffer(8);
    structuredClone(buffer, { transfer: [buffer] });
    expect(() => Memory.copyOf(buffer)).toThrow(DetachedError);
  });

  it('transfer past the maximum of a resizable buffer is an OutOfBoundsError', () => {
    expect(() => Memory.resizable(8, 16).transfer(32)).toThrow(/maxByteLength 16/);
  });
});

describe('an ArrayBuffer that cannot be detached (a WebAssembly.Memory’s)', () => {
  it('is refused by transfer(), which neither copies nor marks it detached', () => {
    const wasm = new WebAssembly.Memory({ initial: 1 });
    const mem = Memory.fromArrayBuffer(wasm.buffer);
    mem.view('u8', { shape: [1] }).set(7, 0);
    expect(() => mem.transfer()).toThrow(/not detachable/);
    expect(mem.status).toBe('live');
    expect(new Uint8Array(wasm.buffer)[0]).toBe(7);
  });

  it('is only marked by free(), the wasm memory staying usable', () => {
    const wasm = new WebAssembly.Memory({ initial: 1 });
    const mem = Memory.fromArrayBuffer(wasm.buffer);
    const view = mem.view('u8', { shape: [1] });
    const pointer = view.raw();
    expect(view.get(0)).toBe(0);
    mem.free();
    expect(() => view.get(0)).toThrow(StaleViewError);
    expect(() => pointer.get(0)).toThrow(StalePointerError);
    expect(wasm.buffer.byteLength).toBe(65536);
  });
});

describe('range memory over a resizable buffer', () => {
  it('is invalidated only when a shrink cuts into its range', () => {
    const buffer = new ArrayBuffer(64, { maxByteLength: 64 });
    const mem = Memory.fromTypedArray(new Uint8Array(buffer, 8, 8));
    const view = mem.view('u8', { shape: [8] });
    buffer.resize(32);
    expect(mem.generation).toBe(0);
    const ptr = view.raw();
    expect(ptr.isStale).toBe(false);
    buffer.resize(12);
    expect(mem.generation).toBe(1);
    expect(ptr.isStale).toBe(true);
    expect(() => view.get(5)).toThrow(OutOfBoundsError);
    expect(mem.view('u8', { shape: [4] }).get(3)).toBe(0);
  });

  it('never hands out a pointer that is stale at birth', () => {
    const buffer = new ArrayBuffer(64, { maxByteLength: 64 });
    const mem = Memory.fromArrayBuffer(buffer);
    const view = mem.view('u8', { shape: [8] });
    view.get(0);
    buffer.resize(16); // other code shrinks; the view still fits
    const ptr = view.raw();
    expect(ptr.isStale).toBe(false);
    expect(ptr.array.length).toBe(16);
  });
});
