// Probes for the SharedArrayBuffer rows: views share, slice copies, cloning and posting share, grow is in place.
import { Buffer } from 'node:buffer';
import { bigEndianByDefault, platformOrder, shared, throws } from './evidence.js';
import { filledShared, postAndReceive } from './inputs.js';
import { sideOf } from './sides.js';
import type { ProbeTable } from './types.js';

export const sharedArrayBufferProbes: ProbeTable = {
  'sab-new-typed-array': {
    run() {
      const buffer = filledShared(16);
      const array = new Int32Array(buffer);
      return {
        source: sideOf(buffer),
        result: sideOf(array),
        hazards: {
          'shared-memory-race': shared(array.buffer),
          'misalignment-range-error': throws(RangeError, () => new Int32Array(new SharedArrayBuffer(6))),
          'byte-order': platformOrder(array),
        },
      };
    },
  },
  'sab-new-typed-array-offset-length': {
    run() {
      const buffer = filledShared(16);
      const array = new Int32Array(buffer, 4, 2);
      return {
        source: sideOf(buffer),
        result: sideOf(array),
        hazards: {
          'shared-memory-race': shared(array.buffer),
          'misalignment-range-error': throws(RangeError, () => new Int32Array(buffer, 2, 1)),
          'byte-order': platformOrder(array),
        },
      };
    },
  },
  'sab-slice': {
    run() {
      const buffer = filledShared(16);
      return { source: sideOf(buffer), result: sideOf(buffer.slice(0)), hazards: {} };
    },
  },
  'gsab-grow': {
    run() {
      const buffer = filledShared(8, { maxByteLength: 32 });
      // Byte views taken before and after growth: the old one still sees the same bytes.
      const before = new Uint8Array(buffer);
      buffer.grow(16);
      const after = new Uint8Array(buffer);
      return { source: sideOf(before), result: sideOf(after), hazards: { 'shared-memory-race': shared(after.buffer) } };
    },
  },
  'sab-new-dataview': {
    run() {
      const buffer = filledShared(16);
      const view = new DataView(buffer);
      return {
        source: sideOf(buffer),
        result: sideOf(view),
        hazards: { 'shared-memory-race': shared(view.buffer), 'byte-order': bigEndianByDefault(view) },
      };
    },
  },
  'sab-buffer-from': {
    run() {
      const buffer = filledShared(16);
      const wrapped = Buffer.from(buffer);
      return {
        source: sideOf(buffer),
        result: sideOf(wrapped),
        hazards: { 'shared-memory-race': shared(wrapped.buffer) },
      };
    },
  },
  'sab-structured-clone': {
    run() {
      const buffer = filledShared(16);
      const clone = structuredClone(buffer);
      return { source: sideOf(buffer), result: sideOf(clone), hazards: { 'shared-memory-race': shared(clone) } };
    },
  },
  'sab-post-message': {
    run() {
      const buffer = filledShared(16);
      const received = postAndReceive(buffer);
      return { source: sideOf(buffer), result: sideOf(received), hazards: { 'shared-memory-race': shared(received) } };
    },
  },
};
