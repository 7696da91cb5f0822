// Probes for the number[] rows: every conversion copies and converts each number to the element type.
import { Buffer } from 'node:buffer';
import { pooled } from './evidence.js';
import { sideOf } from './sides.js';
import type { ProbeTable } from './types.js';

export const numberArrayProbes: ProbeTable = {
  'arr-new-typed-array': {
    run() {
      const numbers = [256, -1, 1.7];
      const result = new Uint8Array(numbers);
      return {
        source: sideOf(numbers),
        result: sideOf(result),
        hazards: { 'lossy-element-conversion': () => result.join() === '0,255,1' },
      };
    },
  },
  'arr-typed-array-from': {
    run() {
      const numbers = [256, -1];
      const result = Uint8Array.from(numbers);
      return {
        source: sideOf(numbers),
        result: sideOf(result),
        hazards: { 'lossy-element-conversion': () => result.join() === '0,255' },
      };
    },
  },
  'arr-new-float16-array': {
    api: { name: 'Float16Array', present: () => typeof FLOAT16 === 'function' },
    run() {
      const numbers = [2049, 70000, 0.1];
      const result = new FLOAT16!(numbers);
      return {
        source: sideOf(numbers),
        result: sideOf(result),
        // 2049 needs 12 significant bits (half precision has 11), 70000 is past its largest finite value.
        hazards: { 'lossy-element-conversion': () => result[0] === 2048 && result[1] === Infinity },
      };
    },
  },
  'arr-buffer-from': {
    run() {
      const numbers = [256, -1, 1.7];
      const result = Buffer.from(numbers);
      return {
        source: sideOf(numbers),
        result: sideOf(result),
        hazards: { 'lossy-element-conversion': () => result.join() === '0,255,1', 'pool-aliasing': pooled(result) },
      };
    },
  },
  'arr-typed-array-set': {
    run() {
      const numbers = [256, 2];
      const target = new Uint8Array(4);
      target.set(numbers, 1);
      return {
        source: sideOf(numbers),
        result: sideOf(target),
        hazards: { 'lossy-element-conversion': () => target[1] === 0 },
      };
    },
  },
};

/** Node 24's Float16Array, which TypeScript's es2024 library does not declare. */
const FLOAT16 = (
  globalThis as { Float16Array?: new (values: readonly number[]) => ArrayLike<number> & ArrayBufferView }
).Float16Array;
