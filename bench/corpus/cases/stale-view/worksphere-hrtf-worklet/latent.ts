import { expect, sameBytes } from '../../../support/check.js';
import { instantiateHeap, placeAbove2GiB } from '../../../support/heap.js';
import type * as Impl from './fixed.js';

// Above 2 GiB the heap hands out addresses whose i32 sign bit is set: they reach JavaScript
// negative, and a view made at one throws or counts from the end of memory.
export default function latent({ SpatialAudioProcessor }: typeof Impl): void {
  const exports = instantiateHeap();
  if (!placeAbove2GiB(exports.set_top, exports.memory)) return;
  const processor = new SpatialAudioProcessor();
  processor.initWasm(exports, 128);
  const input = new Float32Array(128).map((_, i) => (i % 64) / 64);
  const output = [new Float32Array(128)];
  processor.process([[input]], [output]);
  expect(sameBytes(new Uint8Array(output[0]!.buffer), new Uint8Array(input.buffer).slice().reverse()), 'the spatialized output is wrong with the blocks above 2 GiB');
}
