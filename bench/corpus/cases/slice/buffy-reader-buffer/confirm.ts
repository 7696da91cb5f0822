import { expect, pattern, sameBytes } from '../../../support/check.js';
import type * as Impl from './fixed.js';

function record(bytes: Uint8Array): Buffer {
  const header = Buffer.alloc(4);
  header.writeUInt32BE(bytes.length, 0);
  return Buffer.concat([header, bytes]);
}

export default function confirm({ FrameParser }: typeof Impl): void {
  // Two video frames; the second straddles two socket chunks.
  const frameA = pattern(12, 0x10);
  const frameB = pattern(20, 0x80);
  const stream = Buffer.concat([record(frameA), record(frameB)]);
  const parser = new FrameParser();
  parser.push(stream.subarray(0, 22));
  const frames: Buffer[] = parser.frames;
  expect(frames.length === 1 && sameBytes(frames[0], frameA), 'the first frame was not parsed from the first chunk');
  parser.push(stream.subarray(22));
  expect(parser.frames[1] !== undefined && sameBytes(parser.frames[1], frameB), 'the second frame was not parsed');
  expect(sameBytes(parser.frames[0], frameA), `the first frame changed after the next chunk arrived: ${[...parser.frames[0].subarray(0, 6)]}...`);
}
