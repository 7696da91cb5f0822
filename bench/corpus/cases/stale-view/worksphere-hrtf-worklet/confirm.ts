import { expect, sameBytes } from '../../../support/check.js';
import { instantiateHeap } from '../../../support/heap.js';
import type * as Impl from './fixed.js';

export default function confirm({ SpatialAudioProcessor }: typeof Impl): void {
  const exports = instantiateHeap();
  // The module has already loaded its HRTF tables: the first page is nearly full.
  exports.malloc(64016);
  const processor = new SpatialAudioProcessor();
  processor.initWasm(exports, 128);
  for (let quantum = 0; quantum < 200; quantum++) {
    const input = new Float32Array(128);
    for (let i = 0; i < input.length; i++) input[i] = ((quantum + i) % 64) / 64;
    const output = [new Float32Array(128), new Float32Array(128)];
    processor.process([[input]], [output]);
    const expected = new Uint8Array(input.buffer).slice().reverse();
    for (const channel of output) {
      expect(sameBytes(new Uint8Array(channel.buffer), expected), `render quantum ${quantum}: the spatialized output is wrong`);
    }
  }
}
