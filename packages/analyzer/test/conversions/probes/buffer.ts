// Probes for the Node Buffer rows: pooled and unpooled allocation, from(), slice vs subarray, .buffer, concat.
import { Buffer } from 'node:buffer';
import {
  boxed,
  detachedBytes,
  nodeAtLeast,
  outOfBoundsAfterShrink,
  pooled,
  unobservable,
  widerThan,
} from './evidence.js';
import { filled } from './inputs.js';
import { constant, sideOf } from './sides.js';
import type { ProbeTable } from './types.js';

/**
 * uninitialized-memory: fill the pool past a fresh allocUnsafe with a marker; the next allocUnsafe
 * from the same pool comes back holding the marker, because it is not zeroed.
 */
function allocUnsafeKeepsOldBytes(): boolean {
  for (let attempt = 0; attempt < 3; attempt++) {
    const first = Buffer.allocUnsafe(8);
    const pool = new Uint8Array(first.buffer);
    pool.fill(0xa5, first.byteOffset + first.length);
    const next = Buffer.allocUnsafe(8);
    if (next.buffer === first.buffer) return next.every(byte => byte === 0xa5);
    // The pool was full and a new one started: try again in the new pool.
  }
  return false;
}

export const bufferProbes: ProbeTable = {
  'buf-from-string': {
    run() {
      const result = Buffer.from('hello');
      return {
        source: constant('hello'),
        result: sideOf(result),
        hazards: {
          'pool-aliasing': pooled(result),
          'lossy-decoding': () => Buffer.from('\ud800').equals(Buffer.from([0xef, 0xbf, 0xbd])),
        },
      };
    },
  },
  'buf-from-array-buffer': {
    run() {
      const buffer = filled(16);
      return { source: sideOf(buffer), result: sideOf(Buffer.from(buffer)), hazards: {} };
    },
  },
  'buf-from-array-buffer-offset': {
    run() {
      const buffer = filled(16);
      return { source: sideOf(buffer), result: sideOf(Buffer.from(buffer, 3)), hazards: {} };
    },
  },
  'buf-from-array-buffer-offset-length': {
    run() {
      const buffer = filled(16);
      return { source: sideOf(buffer), result: sideOf(Buffer.from(buffer, 3, 4)), hazards: {} };
    },
  },
  'buf-from-rab': {
    run() {
      const buffer = filled(16, { maxByteLength: 32 });
      const result = Buffer.from(buffer);
      // nodejs/node#55377 made such a Buffer length-tracking in 23.1.0 and 22.12.0; the row's note
      // says so, and on those versions the test checks the new behaviour instead (the schema has
      // no per-version hazards).
      const tracks = nodeAtLeast('23.1.0') || (process.versions.node.startsWith('22.') && nodeAtLeast('22.12.0'));
      const shrink = outOfBoundsAfterShrink(buffer, 8, result);
      return {
        source: sideOf(buffer),
        result: sideOf(result),
        hazards: { 'out-of-bounds-after-shrink': tracks ? () => !shrink() && result.length === 8 : shrink },
      };
    },
  },
  'buf-from-buffer': {
    run() {
      const source = Buffer.from([1, 2, 3]);
      const result = Buffer.from(source);
      return { source: sideOf(source), result: sideOf(result), hazards: { 'pool-aliasing': pooled(result) } };
    },
  },
  'buf-from-typed-array': {
    run() {
      const source = new Float64Array([1.5, 300]);
      const result = Buffer.from(source);
      return {
        source: sideOf(source),
        result: sideOf(result),
        hazards: {
          'lossy-element-conversion': () => result[0] === 1 && result[1] === 44,
          'pool-aliasing': pooled(result),
          'silent-empty-result': () => Buffer.from(detachedBytes()).length === 0,
        },
      };
    },
  },
  'buf-alloc': {
    run: () => ({ source: constant(8), result: sideOf(Buffer.alloc(8)), hazards: {} }),
  },
  'buf-alloc-unsafe': {
    run() {
      const result = Buffer.allocUnsafe(8);
      return {
        source: constant(8),
        result: sideOf(result),
        hazards: { 'pool-aliasing': pooled(result), 'uninitialized-memory': allocUnsafeKeepsOldBytes },
      };
    },
  },
  'buf-alloc-unsafe-slow': {
    run: () => ({
      source: constant(8),
      result: sideOf(Buffer.allocUnsafeSlow(8)),
      hazards: {
        'uninitialized-memory': unobservable(
          'the bytes come straight from malloc; whether they hold old data depends on heap reuse, which a test cannot force',
        ),
      },
    }),
  },
  'buf-slice': {
    run() {
      const source = Buffer.from([1, 2, 3, 4]);
      return {
        source: sideOf(source),
        result: sideOf(source.slice(1, 3)),
        hazards: {
          deprecated: unobservable(
            'DEP0158 is documentation-only: Node prints no warning, not even with --pending-deprecation',
          ),
          'class-dependent': () => {
            // The same call on a plain Uint8Array copies.
            const plain = new Uint8Array([1, 2]);
            const part = plain.slice(0, 1);
            plain[0] = 9;
            return part[0] === 1;
          },
        },
      };
    },
  },
  'buf-subarray': {
    run() {
      const source = Buffer.from([1, 2, 3, 4]);
      return { source: sideOf(source), result: sideOf(source.subarray(1, 3)), hazards: {} };
    },
  },
  'buf-buffer': {
    run() {
      const source = Buffer.from('pooled');
      return {
        source: sideOf(source),
        result: sideOf(source.buffer),
        hazards: {
          // new Uint8Array(buf.buffer) spans the whole pool, not the 6 bytes of the Buffer.
          'pool-aliasing': () => pooled(source)() && new Uint8Array(source.buffer).length >= Buffer.poolSize,
          'whole-backing-buffer': widerThan(source.buffer, source),
        },
      };
    },
  },
  'buf-concat': {
    run() {
      const first = Buffer.from([1, 2]);
      const result = Buffer.concat([first, Buffer.from([3])]);
      return { source: sideOf(first), result: sideOf(result), hazards: { 'pool-aliasing': pooled(result) } };
    },
  },
  'buf-concat-length': {
    run() {
      const first = Buffer.from([1, 2]);
      const result = Buffer.concat([first, Buffer.from([3, 4])], 3);
      return {
        source: sideOf(first),
        result: sideOf(result),
        hazards: { 'pool-aliasing': pooled(result), truncation: () => result.length === 3 },
      };
    },
  },
  'buf-copy-bytes-from': {
    run() {
      const source = new Uint16Array([1, 0xffff]);
      const result = Buffer.copyBytesFrom(source);
      return {
        source: sideOf(source),
        result: sideOf(result),
        hazards: {
          'pool-aliasing': pooled(result),
          'silent-empty-result': () => Buffer.copyBytesFrom(detachedBytes()).length === 0,
        },
      };
    },
  },
  'buf-to-string': {
    run() {
      const source = Buffer.from([104, 105]);
      return {
        source: sideOf(source),
        result: sideOf(source.toString()),
        hazards: { 'lossy-decoding': () => Buffer.from([0xff, 0x41]).toString() === '\ufffdA' },
      };
    },
  },
  'buf-to-json': {
    run() {
      const source = Buffer.from([1, 2]);
      const result = source.toJSON();
      return { source: sideOf(source), result: sideOf(result), hazards: { boxing: boxed(result.data) } };
    },
  },
  'buf-copy': {
    run() {
      const source = Buffer.from([1, 2, 3]);
      const target = new Uint8Array(2);
      const copied = source.copy(target);
      return {
        source: sideOf(source),
        result: sideOf(target),
        hazards: { truncation: () => copied === 2 && source.length === 3 },
      };
    },
  },
  'buf-new-uint8array': {
    run() {
      const source = Buffer.from('abc');
      return { source: sideOf(source), result: sideOf(new Uint8Array(source)), hazards: {} };
    },
  },
  'buf-read-uint16le': {
    run() {
      const source = Buffer.from([1, 2, 3]);
      return { source: sideOf(source), result: sideOf(source.readUInt16LE(1)), hazards: {} };
    },
  },
};
