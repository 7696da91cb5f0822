import { expect, pattern, sameBytes } from '../../../support/check.js';
import { instantiateHeap } from '../../../support/heap.js';
import type * as Impl from './fixed.js';

export default function confirm({ Resampler }: typeof Impl): void {
  const resampler = Resampler.create(instantiateHeap(), 512);
  // A stream of 512-sample frames: the core's output blocks fill the first page after a few dozen
  // frames, and the memory grows in the middle of the stream.
  for (let frame = 0; frame < 100; frame++) {
    const bytes = pattern(1024, frame);
    const input = new Int16Array(bytes.buffer);
    const output = new Int16Array(512);
    const n = resampler.process(input, output);
    const expected = bytes.slice().reverse();
    expect(n === 512 && sameBytes(new Uint8Array(output.buffer), expected), `frame ${frame}: the resampled samples are wrong after the memory grew`);
  }
}
