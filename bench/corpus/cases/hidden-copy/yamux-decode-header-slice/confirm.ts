import { expect } from '../../../support/check.js';
import { countCopies } from '../../../support/copies.js';
import type * as Impl from './fixed.js';

function encodeFrame(type: number, streamID: number, payload: Uint8Array): Uint8Array {
  const out = new Uint8Array(12 + (type === 0 ? payload.length : 0));
  const view = new DataView(out.buffer);
  view.setUint8(1, type);
  view.setUint32(4, streamID);
  view.setUint32(8, type === 0 ? payload.length : 65536);
  if (type === 0) out.set(payload, 12);
  return out;
}

export default async function confirm({ Decoder }: typeof Impl): Promise<void> {
  // One read from the socket carrying 500 small frames: data frames and window updates.
  const frames = Array.from({ length: 500 }, (_, i) => encodeFrame(i % 2, (i % 7) + 1, new Uint8Array([i & 0xff, 1, 2, 3])));
  const chunk = new Uint8Array(frames.reduce((n, f) => n + f.length, 0));
  let at = 0;
  for (const frame of frames) {
    chunk.set(frame, at);
    at += frame.length;
  }

  const decoder = new Decoder();
  const decoded: Impl.Frame[] = [];
  const copies = await countCopies(() => {
    for (const frame of decoder.emitFrames(chunk)) decoded.push(frame);
  });
  expect(decoded.length === 500, `decoded ${decoded.length} frames of 500`);
  expect(decoded[42].header.streamID === 1 && decoded[42].data?.[0] === 42, 'frame 42 decoded wrong');
  expect(copies.calls === 0, `decoding 500 frames made ${copies.calls} copies (${copies.bytes} bytes): a copy of every header just to read it`);
}
