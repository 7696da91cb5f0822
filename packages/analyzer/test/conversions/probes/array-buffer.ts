// Probes for the ArrayBuffer rows: typed arrays over fixed and resizable buffers, slice, resize, transfer.
import { outOfBoundsAfterShrink, platformOrder, throws } from './evidence.js';
import { bytesOf, filled } from './inputs.js';
import { isDetached, sideOf } from './sides.js';
import type { Probe, ProbeTable } from './types.js';

/** ArrayBuffer#transfer and friends arrived in Node 21 (V8 11.8). */
function transferProbe(name: 'transfer' | 'transferToFixedLength', run: Probe['run']): Probe {
  return {
    api: { name: `ArrayBuffer.prototype.${name}`, present: () => typeof ArrayBuffer.prototype[name] === 'function' },
    run,
  };
}

export const arrayBufferProbes: ProbeTable = {
  'ab-new-typed-array': {
    run() {
      const buffer = filled(16);
      const array = new Float64Array(buffer);
      return {
        source: sideOf(buffer),
        result: sideOf(array),
        hazards: {
          'misalignment-range-error': throws(RangeError, () => new Float64Array(new ArrayBuffer(12))),
          'byte-order': platformOrder(array),
        },
      };
    },
  },
  'ab-new-typed-array-offset': {
    run() {
      const buffer = filled(24);
      const array = new Float64Array(buffer, 8);
      return {
        source: sideOf(buffer),
        result: sideOf(array),
        hazards: {
          'misalignment-range-error': throws(RangeError, () => new Float64Array(buffer, 3)),
          'byte-order': platformOrder(array),
        },
      };
    },
  },
  'ab-new-typed-array-offset-length': {
    run() {
      const buffer = filled(24);
      const array = new Float64Array(buffer, 8, 1);
      return {
        source: sideOf(buffer),
        result: sideOf(array),
        hazards: {
          'misalignment-range-error': throws(RangeError, () => new Float64Array(buffer, 4, 1)),
          'byte-order': platformOrder(array),
        },
      };
    },
  },
  'rab-new-typed-array': {
    run() {
      const buffer = filled(16, { maxByteLength: 32 });
      const array = new Float64Array(buffer);
      return { source: sideOf(buffer), result: sideOf(array), hazards: { 'byte-order': platformOrder(array) } };
    },
  },
  'rab-new-typed-array-offset': {
    run() {
      const buffer = filled(16, { maxByteLength: 32 });
      const array = new Float64Array(buffer, 8);
      return {
        source: sideOf(buffer),
        result: sideOf(array),
        hazards: {
          'misalignment-range-error': throws(RangeError, () => new Float64Array(buffer, 3)),
          'byte-order': platformOrder(array),
          // Shrinking below the view's offset cuts all of it: length-tracking does not save it.
          'out-of-bounds-after-shrink': outOfBoundsAfterShrink(buffer, 4, array),
        },
      };
    },
  },
  'rab-new-typed-array-offset-length': {
    run() {
      const buffer = filled(16, { maxByteLength: 32 });
      const array = new Float64Array(buffer, 0, 2);
      return {
        source: sideOf(buffer),
        result: sideOf(array),
        hazards: {
          'misalignment-range-error': throws(RangeError, () => new Float64Array(buffer, 4, 1)),
          'byte-order': platformOrder(array),
          // 12 bytes still hold element 0, but the fixed two-element view no longer fits.
          'out-of-bounds-after-shrink': outOfBoundsAfterShrink(buffer, 12, array),
        },
      };
    },
  },
  'ab-slice': {
    run() {
      const buffer = filled(16);
      return { source: sideOf(buffer), result: sideOf(buffer.slice(4, 12)), hazards: {} };
    },
  },
  'rab-slice': {
    run() {
      const buffer = filled(16, { maxByteLength: 32 });
      return { source: sideOf(buffer), result: sideOf(buffer.slice(0)), hazards: {} };
    },
  },
  'rab-resize': {
    run() {
      const buffer = filled(8, { maxByteLength: 32 });
      // Length-tracking byte views taken before and after: if resize() moved the bytes, the old one would not see writes.
      const before = new Uint8Array(buffer);
      buffer.resize(16);
      const after = new Uint8Array(buffer);
      const tail = new Uint8Array(buffer, 8, 8);
      return {
        source: sideOf(before),
        result: sideOf(after),
        hazards: { 'out-of-bounds-after-shrink': outOfBoundsAfterShrink(buffer, 4, tail) },
      };
    },
  },
  'ab-transfer': transferProbe('transfer', () => {
    const buffer = filled(8);
    const expected = bytesOf(buffer);
    const moved = buffer.transfer();
    return {
      source: sideOf(buffer),
      result: sideOf(moved),
      expected,
      hazards: { 'detaches-source': () => isDetached(buffer) },
    };
  }),
  'ab-transfer-length': transferProbe('transfer', () => {
    const buffer = filled(8);
    const expected = bytesOf(buffer).slice(0, 4);
    const moved = buffer.transfer(4);
    return {
      source: sideOf(buffer),
      result: sideOf(moved),
      expected,
      hazards: { 'detaches-source': () => isDetached(buffer), truncation: () => moved.byteLength === 4 },
    };
  }),
  'ab-transfer-to-fixed-length': transferProbe('transferToFixedLength', () => {
    const buffer = filled(8);
    const expected = bytesOf(buffer);
    const moved = buffer.transferToFixedLength();
    return {
      source: sideOf(buffer),
      result: sideOf(moved),
      expected,
      hazards: { 'detaches-source': () => isDetached(buffer) },
    };
  }),
  'rab-transfer': transferProbe('transfer', () => {
    const buffer = filled(8, { maxByteLength: 16 });
    const expected = bytesOf(buffer);
    const moved = buffer.transfer();
    return {
      source: sideOf(buffer),
      result: sideOf(moved),
      expected,
      hazards: { 'detaches-source': () => isDetached(buffer) },
    };
  }),
  'rab-transfer-to-fixed-length': transferProbe('transferToFixedLength', () => {
    const buffer = filled(8, { maxByteLength: 16 });
    const expected = bytesOf(buffer);
    const moved = buffer.transferToFixedLength();
    return {
      source: sideOf(buffer),
      result: sideOf(moved),
      expected,
      hazards: { 'detaches-source': () => isDetached(buffer) },
    };
  }),
};
