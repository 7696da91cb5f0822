// Probes for the WebAssembly rows: memory.buffer and views over it die on growth; shared memory is shared.
import { Buffer } from 'node:buffer';
import { bigEndianByDefault, diesOnGrow, platformOrder, shared, throws } from './evidence.js';
import { postAndReceive, wasmMemory } from './inputs.js';
import { isDetached, sideOf } from './sides.js';
import type { ProbeTable } from './types.js';

export const wasmProbes: ProbeTable = {
  'wasm-memory-buffer': {
    run() {
      const memory = wasmMemory();
      const buffer = memory.buffer;
      return {
        source: sideOf(memory),
        result: sideOf(buffer),
        hazards: { 'detached-after-grow': diesOnGrow(memory, buffer) },
      };
    },
  },
  'wasm-memory-to-resizable-buffer': {
    api: {
      name: 'WebAssembly.Memory.prototype.toResizableBuffer',
      present: () => 'toResizableBuffer' in WebAssembly.Memory.prototype,
    },
    run() {
      const memory = wasmMemory();
      return { source: sideOf(memory), result: sideOf(memory.toResizableBuffer()), hazards: {} };
    },
  },
  'wasm-memory-to-fixed-length-buffer': {
    api: {
      name: 'WebAssembly.Memory.prototype.toFixedLengthBuffer',
      present: () => 'toFixedLengthBuffer' in WebAssembly.Memory.prototype,
    },
    run() {
      const memory = wasmMemory();
      memory.toResizableBuffer();
      const buffer = memory.toFixedLengthBuffer();
      return {
        source: sideOf(memory),
        result: sideOf(buffer),
        hazards: { 'detached-after-grow': diesOnGrow(memory, buffer) },
      };
    },
  },
  'wasm-new-typed-array': {
    run() {
      const memory = wasmMemory();
      const array = new Float32Array(memory.buffer, 8, 4);
      return {
        source: sideOf(memory),
        result: sideOf(array),
        // Growth last: it kills the view the other checks read.
        hazards: {
          'byte-order': platformOrder(array),
          'misalignment-range-error': throws(RangeError, () => new Float32Array(memory.buffer, 2, 1)),
          'detached-after-grow': diesOnGrow(memory, array),
        },
      };
    },
  },
  'wasm-new-dataview': {
    run() {
      const memory = wasmMemory();
      const view = new DataView(memory.buffer);
      return {
        source: sideOf(memory),
        result: sideOf(view),
        hazards: { 'byte-order': bigEndianByDefault(view), 'detached-after-grow': diesOnGrow(memory, view) },
      };
    },
  },
  'wasm-buffer-from': {
    run() {
      const memory = wasmMemory();
      const bytes = Buffer.from(memory.buffer, 8, 4);
      return {
        source: sideOf(memory),
        result: sideOf(bytes),
        hazards: { 'detached-after-grow': diesOnGrow(memory, bytes) },
      };
    },
  },
  'wasm-memory-grow': {
    run() {
      const memory = wasmMemory();
      const old = memory.buffer;
      const view = new Uint8Array(old, 0, 16);
      const previousPages = memory.grow(0); // even 0 pages detaches
      return {
        source: sideOf(old),
        result: sideOf(previousPages),
        hazards: {
          'detaches-source': () => isDetached(old),
          'detached-after-grow': () => view.length === 0 && view[0] === undefined,
        },
      };
    },
  },
  'wasm-shared-memory-post-message': {
    run() {
      const memory = wasmMemory(true);
      const received = postAndReceive(memory);
      return {
        source: sideOf(memory),
        result: sideOf(received),
        hazards: {
          'shared-memory-race': () => {
            // A SharedArrayBuffer that growth does not detach: the old buffer keeps its bytes.
            const old = received.buffer;
            memory.grow(1);
            return shared(old)() && old.byteLength === 65536 && received.buffer.byteLength === 131072;
          },
        },
      };
    },
  },
  'wasm-shared-memory-structured-clone': {
    run() {
      const memory = wasmMemory(true);
      const clone = structuredClone(memory);
      return { source: sideOf(memory), result: sideOf(clone), hazards: { 'shared-memory-race': shared(clone.buffer) } };
    },
  },
};
