// Probes for the DataView rows: construction over fixed and resizable buffers, .buffer, byte order of get/set.
import { bigEndianByDefault, outOfBoundsAfterShrink, widerThan } from './evidence.js';
import { filled } from './inputs.js';
import { constant, sideOf } from './sides.js';
import type { ProbeTable } from './types.js';

export const dataViewProbes: ProbeTable = {
  'dv-new': {
    run() {
      const buffer = filled(16);
      const view = new DataView(buffer);
      return { source: sideOf(buffer), result: sideOf(view), hazards: { 'byte-order': bigEndianByDefault(view) } };
    },
  },
  'dv-new-offset-length': {
    run() {
      const buffer = filled(16);
      // An odd offset is fine for a DataView, unlike a typed array.
      const view = new DataView(buffer, 3, 4);
      return { source: sideOf(buffer), result: sideOf(view), hazards: { 'byte-order': bigEndianByDefault(view) } };
    },
  },
  'dv-new-rab': {
    run() {
      const buffer = filled(16, { maxByteLength: 32 });
      const view = new DataView(buffer);
      return { source: sideOf(buffer), result: sideOf(view), hazards: { 'byte-order': bigEndianByDefault(view) } };
    },
  },
  'dv-new-rab-offset-length': {
    run() {
      const buffer = filled(16, { maxByteLength: 32 });
      const view = new DataView(buffer, 0, 8);
      return {
        source: sideOf(buffer),
        result: sideOf(view),
        hazards: {
          'byte-order': bigEndianByDefault(view),
          'out-of-bounds-after-shrink': outOfBoundsAfterShrink(buffer, 4, view),
        },
      };
    },
  },
  'dv-buffer': {
    run() {
      const view = new DataView(filled(32), 8, 8);
      return {
        source: sideOf(view),
        result: sideOf(view.buffer),
        hazards: { 'whole-backing-buffer': widerThan(view.buffer, view) },
      };
    },
  },
  'dv-get-uint16': {
    run() {
      const view = new DataView(filled(4));
      return {
        source: sideOf(view),
        result: sideOf(view.getUint16(0)),
        hazards: { 'byte-order': bigEndianByDefault(view) },
      };
    },
  },
  'dv-get-uint16-endian': {
    run() {
      const view = new DataView(filled(4));
      return { source: sideOf(view), result: sideOf(view.getUint16(0, true)), hazards: {} };
    },
  },
  'dv-set-uint16': {
    run() {
      const view = new DataView(new ArrayBuffer(4));
      view.setUint16(0, 0x0102);
      return {
        source: constant(0x0102),
        result: sideOf(view),
        hazards: {
          'byte-order': () => new Uint8Array(view.buffer, 0, 2).join() === '1,2',
          'lossy-element-conversion': () => {
            view.setUint16(2, 65537);
            return view.getUint16(2) === 1;
          },
        },
      };
    },
  },
  'dv-get-float64': {
    run() {
      const view = new DataView(filled(8));
      const value = view.getFloat64(0);
      return {
        source: sideOf(view),
        result: sideOf(value),
        hazards: { 'byte-order': () => value !== new Float64Array(view.buffer.slice(0))[0] },
      };
    },
  },
  'dv-set-float32': {
    run() {
      const view = new DataView(new ArrayBuffer(8));
      view.setFloat32(0, 0.1);
      return {
        source: constant(0.1),
        result: sideOf(view),
        hazards: {
          'byte-order': () => new DataView(view.buffer).getFloat32(0) !== new Float32Array(view.buffer)[0],
          'lossy-element-conversion': () => view.getFloat32(0) !== 0.1,
        },
      };
    },
  },
  'dv-get-bigint64': {
    run() {
      const view = new DataView(filled(8));
      const value = view.getBigInt64(0);
      return {
        source: sideOf(view),
        result: sideOf(value),
        hazards: { 'byte-order': () => value !== new BigInt64Array(view.buffer.slice(0))[0] },
      };
    },
  },
};
