// Probes for structuredClone, MessagePort#postMessage (with and without transfer lists) and workerData.
import { Buffer } from 'node:buffer';
import { once } from 'node:events';
import { Worker } from 'node:worker_threads';
import { pooled, widerThan } from './evidence.js';
import { bytesOf, filled, postAndReceive } from './inputs.js';
import { isDetached, sideOf } from './sides.js';
import type { ProbeTable, Side } from './types.js';

/** A worker that keeps its workerData and reads, flips or measures it on request. */
const WORKER_SOURCE = `
const { parentPort, workerData } = require('node:worker_threads');
const bytes = () => new Uint8Array(workerData.buffer, workerData.byteOffset, workerData.byteLength);
parentPort.on('message', op => {
  if (op === 'read') parentPort.postMessage([...bytes()]);
  else if (op === 'write') { const b = bytes(); for (let i = 0; i < b.length; i++) b[i] ^= 0xff; parentPort.postMessage('done'); }
  else if (op === 'backing') parentPort.postMessage(workerData.buffer.byteLength);
});
`;

async function ask(worker: Worker, op: string): Promise<unknown> {
  const reply = once(worker, 'message');
  worker.postMessage(op);
  const received: unknown[] = await reply;
  return received[0];
}

/** The workerData as the worker sees it, read and written through messages. */
function remoteSide(worker: Worker, kind: string): Side {
  return {
    value: worker,
    kind,
    read: () => ask(worker, 'read'),
    write: async () => {
      await ask(worker, 'write');
    },
  };
}

export const structuredCloneProbes: ProbeTable = {
  'sc-typed-array': {
    run() {
      const source = new Uint8Array(filled(64), 16, 8);
      const clone = structuredClone(source);
      return {
        source: sideOf(source),
        result: sideOf(clone),
        hazards: { 'whole-backing-buffer': widerThan(clone.buffer, source) },
      };
    },
  },
  'sc-buffer': {
    run() {
      const source = Buffer.from('pool me');
      const clone = structuredClone(source);
      return {
        source: sideOf(source),
        result: sideOf(clone),
        hazards: {
          'whole-backing-buffer': widerThan(clone.buffer, source),
          // The clone carries a copy of the whole pool: every other small Buffer's bytes.
          'pool-aliasing': () => pooled(source)() && clone.buffer.byteLength === source.buffer.byteLength,
        },
      };
    },
  },
  'sc-array-buffer': {
    run() {
      const source = filled(16);
      return { source: sideOf(source), result: sideOf(structuredClone(source)), hazards: {} };
    },
  },
  'sc-rab': {
    run() {
      const source = filled(16, { maxByteLength: 32 });
      return { source: sideOf(source), result: sideOf(structuredClone(source)), hazards: {} };
    },
  },
  'sc-dataview': {
    run() {
      const source = new DataView(filled(32), 8, 8);
      const clone = structuredClone(source);
      return {
        source: sideOf(source),
        result: sideOf(clone),
        hazards: { 'whole-backing-buffer': widerThan(clone.buffer, source) },
      };
    },
  },
  'sc-transfer-array-buffer': {
    run() {
      const source = filled(16);
      const expected = bytesOf(source);
      const moved = structuredClone(source, { transfer: [source] });
      return {
        source: sideOf(source),
        result: sideOf(moved),
        expected,
        hazards: { 'detaches-source': () => isDetached(source) },
      };
    },
  },
  'sc-transfer-typed-array': {
    run() {
      const source = new Uint8Array(filled(32), 8, 8);
      const backing = source.buffer;
      const expected = bytesOf(source);
      const moved = structuredClone(source, { transfer: [source.buffer] });
      return {
        source: sideOf(source),
        result: sideOf(moved),
        expected,
        hazards: {
          'detaches-source': () => isDetached(backing),
          'whole-backing-buffer': () => moved.buffer.byteLength === 32 && moved.byteLength === 8,
        },
      };
    },
  },
  // The next two throw DataCloneError from Node 21; on Node 20 they return the copy described.
  'sc-transfer-buffer': {
    run() {
      const source = Buffer.from('pooled, then transferred');
      const clone = structuredClone(source, { transfer: [source.buffer] });
      return {
        source: sideOf(source),
        result: sideOf(clone),
        hazards: {
          'pool-aliasing': () => pooled(source)() && clone.buffer.byteLength === source.buffer.byteLength,
          'whole-backing-buffer': widerThan(clone.buffer, source),
        },
      };
    },
  },
  'sc-transfer-wasm-memory': {
    run() {
      const memory = new WebAssembly.Memory({ initial: 1 });
      const clone = structuredClone(memory.buffer, { transfer: [memory.buffer] });
      return { source: sideOf(memory), result: sideOf(clone), hazards: {} };
    },
  },
  'pm-typed-array': {
    run() {
      const source = new Uint8Array(filled(64), 16, 8);
      const received = postAndReceive(source);
      return {
        source: sideOf(source),
        result: sideOf(received),
        hazards: { 'whole-backing-buffer': widerThan(received.buffer, source) },
      };
    },
  },
  'pm-buffer': {
    run() {
      const source = Buffer.from('post me');
      const received = postAndReceive(source);
      return {
        source: sideOf(source),
        result: sideOf(received),
        hazards: {
          'whole-backing-buffer': widerThan(received.buffer, source),
          'pool-aliasing': () => pooled(source)() && received.buffer.byteLength === source.buffer.byteLength,
        },
      };
    },
  },
  'pm-array-buffer': {
    run() {
      const source = filled(16);
      return { source: sideOf(source), result: sideOf(postAndReceive(source)), hazards: {} };
    },
  },
  'pm-transfer-array-buffer': {
    run() {
      const source = filled(16);
      const expected = bytesOf(source);
      const received = postAndReceive(source, [source]);
      return {
        source: sideOf(source),
        result: sideOf(received),
        expected,
        hazards: { 'detaches-source': () => isDetached(source) },
      };
    },
  },
  'pm-transfer-typed-array': {
    run() {
      const source = new Uint8Array(filled(32), 8, 8);
      const backing = source.buffer;
      const expected = bytesOf(source);
      const received = postAndReceive(source, [source.buffer]);
      return {
        source: sideOf(source),
        result: sideOf(received),
        expected,
        hazards: {
          'detaches-source': () => isDetached(backing),
          'whole-backing-buffer': () => received.buffer.byteLength === 32 && received.byteLength === 8,
        },
      };
    },
  },
  'pm-transfer-buffer': {
    run() {
      const source = Buffer.from('pooled, then posted');
      const received = postAndReceive(source, [source.buffer]);
      return {
        source: sideOf(source),
        result: sideOf(received),
        hazards: {
          'pool-aliasing': () => pooled(source)() && received.buffer.byteLength === source.buffer.byteLength,
          'whole-backing-buffer': widerThan(received.buffer, source),
        },
      };
    },
  },
  'pm-transfer-wasm-memory': {
    run() {
      const memory = new WebAssembly.Memory({ initial: 1 });
      const received = postAndReceive(memory.buffer, [memory.buffer]);
      return { source: sideOf(memory), result: sideOf(received), hazards: {} };
    },
  },
  'worker-data': {
    run() {
      const source = new Uint8Array(filled(64), 16, 8);
      const worker = new Worker(WORKER_SOURCE, { eval: true, workerData: source });
      return {
        source: sideOf(source),
        result: remoteSide(worker, 'u8'),
        hazards: { 'whole-backing-buffer': async () => (await ask(worker, 'backing')) === 64 },
        dispose: async () => {
          await worker.terminate();
        },
      };
    },
  },
};
