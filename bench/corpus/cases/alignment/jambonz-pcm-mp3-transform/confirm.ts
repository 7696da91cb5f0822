import { finished } from 'node:stream/promises';
import { expect } from '../../../support/check.js';
import type * as Impl from './fixed.js';

export default async function confirm({ PCMToMP3Encoder }: typeof Impl): Promise<void> {
  // Frames of 320 samples as the websocket delivers them: payloads just past odd-sized headers
  // in the socket's read buffer (the reporter's log shows 640-byte chunks).
  const samples = Array.from({ length: 3 * 320 }, (_, i) => (i * 37) % 2000 - 1000);
  const chunks = [3, 2, 5].map((header, f) => {
    const read = Buffer.alloc(header + 640);
    for (let i = 0; i < 320; i++) read.writeInt16LE(samples[f * 320 + i], header + i * 2);
    return read.subarray(header);
  });
  const encoded: number[] = [];
  const encoder: Impl.Mp3Encoder = {
    encodeBuffer(s) {
      encoded.push(...s);
      return new Int8Array(0);
    },
    flush: () => new Int8Array(0),
  };
  // The websocket duplex writes each frame into the encoder stream as it arrives.
  const recorder = new PCMToMP3Encoder(encoder);
  recorder.resume();
  try {
    for (const chunk of chunks) recorder.write(chunk);
    recorder.end();
    await finished(recorder);
  } catch (error) {
    throw new Error(`recording the call failed: ${String(error)}`);
  }
  expect(encoded.join() === samples.join(), 'the encoder did not receive the call audio');
}
