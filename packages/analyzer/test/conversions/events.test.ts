// Executes every event of the events table that the running Node can perform, and checks that it
// does to the values it reaches what the table says: detached (byteLength 0), out of bounds (length
// 0), or, for @memsafe/runtime memory, a raw pointer that throws. Events known by convention only
// say why; events newer than this Node check that the API is indeed absent.
import { MessageChannel } from 'node:worker_threads';
import { Memory } from '@memsafe/runtime';
import { describe, expect, it } from 'vitest';
import { EVENTS, type EventId } from '../../src/conversions/events.js';

const running = process.versions.node.split('.').map(Number);
const isAtLeast = (since: string) => {
  const wanted = since.split('.').map(Number);
  for (let i = 0; i < 3; i++) if (running[i] !== wanted[i]) return running[i]! > wanted[i]!;
  return true;
};

/** What each event reaches, before and after it happens: true when the reached value is unusable after. */
const PROBES: Partial<Record<EventId, () => boolean | Promise<boolean>>> = {
  'wasm-memory-grow': () => {
    const memory = new WebAssembly.Memory({ initial: 1, maximum: 2 });
    const view = new Uint8Array(memory.buffer);
    memory.grow(1);
    return view.byteLength === 0 && memory.buffer.byteLength === 2 * 65536;
  },
  'wasm-memory-to-resizable': () => {
    const memory = new WebAssembly.Memory({ initial: 1, maximum: 2 });
    const fixed = new Uint8Array(memory.buffer);
    const resizable = new Uint8Array(memory.toResizableBuffer());
    memory.grow(1);
    // The switch detaches the fixed-length buffer; a view made after it tracks growth instead.
    return fixed.byteLength === 0 && resizable.byteLength === 2 * 65536 && memory.buffer.resizable;
  },
  'wasm-memory-to-fixed-length': () => {
    const memory = new WebAssembly.Memory({ initial: 1, maximum: 2 });
    const buffer = memory.toResizableBuffer();
    const tracking = new Uint8Array(buffer);
    memory.toFixedLengthBuffer();
    return buffer.detached && tracking.byteLength === 0 && !memory.buffer.resizable;
  },
  'rab-resize': () => {
    const buffer = new ArrayBuffer(16, { maxByteLength: 32 });
    const fixed = new Uint8Array(buffer, 0, 16);
    const tracking = new Uint8Array(buffer);
    const offset = new Uint8Array(buffer, 12);
    buffer.resize(8);
    // Fixed-length and offset views fall out of bounds; a length-tracking view from 0 only shrinks.
    return fixed.length === 0 && offset.length === 0 && tracking.length === 8;
  },
  'ab-transfer': () => {
    const buffer = new ArrayBuffer(8);
    const view = new Uint8Array(buffer);
    (buffer as ArrayBuffer & { transfer(): ArrayBuffer }).transfer();
    return buffer.byteLength === 0 && view.byteLength === 0;
  },
  'post-message-transfer': () => {
    const { port1, port2 } = new MessageChannel();
    try {
      const buffer = new ArrayBuffer(8);
      const view = new Uint8Array(buffer);
      port1.postMessage({ buffer }, [buffer]);
      return buffer.byteLength === 0 && view.byteLength === 0;
    } finally {
      port1.close();
      port2.close();
    }
  },
  'structured-clone-transfer': () => {
    const buffer = new ArrayBuffer(8);
    const view = new Uint8Array(buffer);
    const clone = structuredClone(buffer, { transfer: [buffer] });
    return buffer.byteLength === 0 && view.byteLength === 0 && clone.byteLength === 8;
  },
  'ms-memory-grow': () => {
    const memory = Memory.fromWasm(new WebAssembly.Memory({ initial: 1, maximum: 2 }));
    const raw = memory.view('u8', { shape: [8] }).raw();
    const array = raw.array;
    memory.grow(1);
    return array.byteLength === 0 && throws(() => raw.array);
  },
  'ms-memory-resize': () => {
    const memory = Memory.resizable(16, 32);
    const raw = memory.view('u8', { shape: [16] }).raw();
    memory.resize(8);
    return throws(() => raw.array);
  },
  'ms-memory-free': () => {
    const memory = Memory.alloc(16);
    const raw = memory.view('u8', { shape: [16] }).raw();
    memory.free();
    return throws(() => raw.array);
  },
  'ms-memory-transfer': () => {
    const memory = Memory.alloc(16, { placement: 'js' });
    const raw = memory.view('u8', { shape: [16] }).raw();
    memory.transfer();
    return throws(() => raw.array);
  },
};

function throws(run: () => unknown): boolean {
  try {
    run();
    return false;
  } catch {
    return true;
  }
}

describe('the events that invalidate memory', () => {
  it('have distinct ids, and every probed one a probe', () => {
    expect(new Set(EVENTS.map(event => event.id)).size).toBe(EVENTS.length);
    const probed = EVENTS.filter(event => event.evidence.kind === 'probe').map(event => event.id);
    expect(Object.keys(PROBES).sort()).toEqual([...probed].sort());
  });

  it.each(EVENTS.map(event => [event.id, event] as const))('%s does what the table says', async (id, event) => {
    if (event.evidence.kind === 'convention') {
      expect(event.evidence.why.length).toBeGreaterThan(20);
      return;
    }
    const probe = PROBES[id]!;
    if (!isAtLeast(event.since)) {
      // Not on this Node: the API the event needs must be missing, or `since` is wrong.
      await expect(Promise.resolve().then(probe)).rejects.toThrow();
      return;
    }
    expect(await probe()).toBe(true);
  });
});
