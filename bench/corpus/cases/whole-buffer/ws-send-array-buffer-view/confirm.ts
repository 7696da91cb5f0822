import { expect, pattern, sameBytes } from '../../../support/check.js';
import type * as Impl from './fixed.js';

export default function confirm({ Sender }: typeof Impl): void {
  const written: Buffer[] = [];
  const sender = new Sender({ write: chunk => void written.push(Buffer.from(chunk)) });

  // The test from the fix: send a typed array that is a view into the middle of a larger buffer.
  const whole = new Float32Array(pattern(64).buffer);
  const view = whole.subarray(4, 12);
  sender.send(view);

  const frame = Buffer.concat(written);
  expect(frame[0] === 0x82 && frame[1] === view.byteLength, `the frame header announces ${frame[1]} bytes, expected ${view.byteLength}`);
  const payload = frame.subarray(2);
  const expected = new Uint8Array(view.buffer, view.byteOffset, view.byteLength);
  expect(sameBytes(payload, expected), `the peer received bytes ${[...payload.subarray(0, 4)]}..., the view holds ${[...expected.subarray(0, 4)]}...`);
}
