// Probes for the TypedArray rows: constructors, slice vs subarray, .buffer, the copying methods, boxing.
import { Buffer } from 'node:buffer';
import { boxed, widerThan } from './evidence.js';
import { filled } from './inputs.js';
import { constant, sideOf } from './sides.js';
import type { ProbeTable } from './types.js';

/** class-dependent: a Buffer passed where a Uint8Array is expected makes `slice` share. */
function bufferSliceShares(): boolean {
  const bytes: Uint8Array = Buffer.from([1, 2, 3]);
  const part = bytes.slice(0, 2);
  bytes[0] = 9;
  return part[0] === 9;
}

export const typedArrayProbes: ProbeTable = {
  'ta-new-length': {
    run: () => ({ source: constant(4), result: sideOf(new Float64Array(4)), hazards: {} }),
  },
  'ta-new-typed-array': {
    run() {
      const source = new Float64Array([1.5, 300, -1, 2]);
      const result = new Uint8Array(source);
      return {
        source: sideOf(source),
        result: sideOf(result),
        // Wraps in Uint8Array, clamps (and rounds half to even) in Uint8ClampedArray.
        hazards: {
          'lossy-element-conversion': () =>
            result[1] === 44 && result[2] === 255 && new Uint8ClampedArray(source)[1] === 255,
        },
      };
    },
  },
  'ta-new-bigint-typed-array': {
    run() {
      const source = new BigInt64Array([-1n, 2n]);
      const result = new BigUint64Array(source);
      return {
        source: sideOf(source),
        result: sideOf(result),
        hazards: { 'lossy-element-conversion': () => result[0] === 2n ** 64n - 1n },
      };
    },
  },
  'ta-new-iterable': {
    run() {
      const values = [300, 1.5];
      const result = new Uint8Array(values.values());
      return {
        source: sideOf(values),
        result: sideOf(result),
        hazards: { 'lossy-element-conversion': () => result[0] === 44 && result[1] === 1 },
      };
    },
  },
  'ta-slice': {
    run() {
      const source = new Uint8Array([1, 2, 3, 4]);
      return {
        source: sideOf(source),
        result: sideOf(source.slice(1, 3)),
        hazards: { 'class-dependent': bufferSliceShares },
      };
    },
  },
  'ta-subarray': {
    run() {
      const source = new Uint8Array([1, 2, 3, 4]);
      return { source: sideOf(source), result: sideOf(source.subarray(1, 3)), hazards: {} };
    },
  },
  'ta-buffer': {
    run() {
      const source = new Float64Array(filled(32), 8, 2);
      return {
        source: sideOf(source),
        result: sideOf(source.buffer),
        hazards: { 'whole-backing-buffer': widerThan(source.buffer, source) },
      };
    },
  },
  'ta-map': {
    run() {
      const source = new Uint8Array([200, 1]);
      const result = source.map(x => x * 2);
      return {
        source: sideOf(source),
        result: sideOf(result),
        hazards: { 'lossy-element-conversion': () => result[0] === 144 },
      };
    },
  },
  'ta-filter': {
    run() {
      const source = new Uint8Array([1, 2, 3]);
      return { source: sideOf(source), result: sideOf(source.filter(() => true)), hazards: {} };
    },
  },
  'ta-from-iterable': {
    run() {
      const values = [300, 2];
      const result = Uint8Array.from(values.values());
      return {
        source: sideOf(values),
        result: sideOf(result),
        hazards: { 'lossy-element-conversion': () => result[0] === 44 },
      };
    },
  },
  'ta-from-typed-array': {
    run() {
      const source = new Float64Array([300, 2]);
      const result = Uint8Array.from(source);
      return {
        source: sideOf(source),
        result: sideOf(result),
        hazards: { 'lossy-element-conversion': () => result[0] === 44 },
      };
    },
  },
  'ta-of': {
    run() {
      const result = Uint8Array.of(256, 1);
      return {
        source: constant(256),
        result: sideOf(result),
        hazards: { 'lossy-element-conversion': () => result[0] === 0 },
      };
    },
  },
  'ta-to-reversed': {
    run() {
      const source = new Uint8Array([1, 2, 3]);
      return { source: sideOf(source), result: sideOf(source.toReversed()), hazards: {} };
    },
  },
  'ta-to-sorted': {
    run() {
      const source = new Uint8Array([3, 1, 2]);
      return { source: sideOf(source), result: sideOf(source.toSorted()), hazards: {} };
    },
  },
  'ta-with': {
    run() {
      const source = new Uint8Array([1, 2]);
      const result = source.with(0, 300);
      return {
        source: sideOf(source),
        result: sideOf(result),
        hazards: { 'lossy-element-conversion': () => result[0] === 44 },
      };
    },
  },
  'ta-set': {
    run() {
      const source = new Float64Array([300, 1.5]);
      const target = new Uint8Array(4);
      target.set(source, 1);
      return {
        source: sideOf(source),
        result: sideOf(target),
        hazards: { 'lossy-element-conversion': () => target[1] === 44 && target[2] === 1 },
      };
    },
  },
  'ta-copy-within': {
    run() {
      const source = new Uint8Array([1, 2, 3, 4]);
      const result = source.copyWithin(2, 0, 4);
      return {
        source: sideOf(source),
        result: sideOf(result),
        // Four elements asked for, two fit: the rest are dropped and nothing throws.
        hazards: { truncation: () => result.length === 4 && result[2] === 1 && result[3] === 2 },
      };
    },
  },
  'ta-array-from': {
    run() {
      const source = new Uint8Array([1, 2, 3]);
      const result = Array.from(source);
      return { source: sideOf(source), result: sideOf(result), hazards: { boxing: boxed(result) } };
    },
  },
  'ta-spread': {
    run() {
      const source = new Uint8Array([1, 2, 3]);
      const result = [...source];
      return { source: sideOf(source), result: sideOf(result), hazards: { boxing: boxed(result) } };
    },
  },
  'ta-to-string': {
    run() {
      const source = new Uint8Array([104, 105]);
      const result = source.toString();
      const asBuffer: Uint8Array = Buffer.from(source);
      return {
        source: sideOf(source),
        result: sideOf(result),
        hazards: {
          boxing: boxed(result),
          'class-dependent': () => result === '104,105' && asBuffer.toString() === 'hi',
        },
      };
    },
  },
};
