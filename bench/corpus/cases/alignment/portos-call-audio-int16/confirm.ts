import { expect } from '../../../support/check.js';
import type * as Impl from './fixed.js';

export default function confirm({ onCallAudio }: typeof Impl): void {
  // ws hands each frame's payload over as a subarray of the socket read, just past the frame's
  // header: here a 20 ms frame (320 samples) right after a 5-byte header.
  const read = Buffer.alloc(5 + 640);
  const samples = Array.from({ length: 320 }, (_, i) => Math.round(8000 * Math.sin(i / 10)));
  samples.forEach((s, i) => read.writeInt16LE(s, 5 + i * 2));
  const payload = read.subarray(5);

  const pushed: Int16Array[] = [];
  const errors: string[] = [];
  onCallAudio(payload, { push: s => pushed.push(s) }, message => errors.push(message));
  expect(pushed.length === 1, `the frame never reached the endpointer (${errors.join('; ') || 'no error logged'})`);
  expect(Array.from(pushed[0]).join() === samples.join(), 'the endpointer got the wrong samples');
}
