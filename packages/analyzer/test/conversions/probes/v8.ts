// Probes for v8.serialize/deserialize: Node's DefaultSerializer writes only a view's bytes, and
// deserializes byte arrays as views into the input.
import { Buffer } from 'node:buffer';
import { deserialize, serialize } from 'node:v8';
import { pooled } from './evidence.js';
import { filled } from './inputs.js';
import { sideOf } from './sides.js';
import type { ProbeTable } from './types.js';

export const v8Probes: ProbeTable = {
  'v8-serialize-typed-array': {
    run() {
      const source = new Uint8Array(filled(64), 8, 4);
      return { source: sideOf(source), result: sideOf(serialize(source)), hazards: {} };
    },
  },
  'v8-serialize-buffer': {
    run() {
      const source = Buffer.from('pooled bytes');
      return { source: sideOf(source), result: sideOf(serialize(source)), hazards: {} };
    },
  },
  'v8-serialize-array-buffer': {
    run() {
      const source = filled(16);
      return { source: sideOf(source), result: sideOf(serialize(source)), hazards: {} };
    },
  },
  'v8-serialize-dataview': {
    run() {
      const source = new DataView(filled(64), 8, 4);
      return { source: sideOf(source), result: sideOf(serialize(source)), hazards: {} };
    },
  },
  'v8-deserialize': {
    run() {
      const serialized = serialize(new Uint8Array([1, 2, 3, 4]));
      const result = deserialize(serialized) as Uint8Array;
      // A Float64Array lands at an offset that is not a multiple of 8, so it is copied (into the pool) instead.
      const wide = serialize(new Float64Array([1, 2]));
      const wideResult = deserialize(wide) as Float64Array;
      return {
        source: sideOf(serialized),
        result: sideOf(result),
        hazards: {
          'class-dependent': () => result.buffer === serialized.buffer && wideResult.buffer !== wide.buffer,
          'whole-backing-buffer': () => result.buffer.byteLength > result.byteLength,
          'pool-aliasing': pooled(wideResult),
        },
      };
    },
  },
};
