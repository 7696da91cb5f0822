import { expect, pattern, sameBytes } from '../../../support/check.js';
import type * as Impl from './fixed.js';

/** A masked binary frame, as a client sends it. */
function clientFrame(payload: Uint8Array): Uint8Array {
  const mask = [0x12, 0x34, 0x56, 0x78];
  const header = payload.length < 126 ? [0x82, 0x80 | payload.length] : [0x82, 0x80 | 126, payload.length >> 8, payload.length & 0xff];
  const frame = new Uint8Array(header.length + 4 + payload.length);
  frame.set(header);
  frame.set(mask, header.length);
  payload.forEach((byte, i) => (frame[header.length + 4 + i] = byte ^ mask[i % 4]));
  return frame;
}

export default function confirm({ WebSocketConnection }: typeof Impl): void {
  const connection = new WebSocketConnection();
  // A client sends a large message and a small one; the socket delivers both in one chunk.
  const first = pattern(1000, 5);
  const second = pattern(40, 9);
  const a = clientFrame(first);
  const b = clientFrame(second);
  const chunk = new Uint8Array(a.length + b.length);
  chunk.set(a);
  chunk.set(b, a.length);
  connection.write(chunk);
  expect(connection.messages.length === 2, `${connection.messages.length} message(s) decoded from a chunk holding 2 frames`);
  expect(sameBytes(connection.messages[0], first) && sameBytes(connection.messages[1], second), 'a decoded message has the wrong bytes');
  expect(connection.buffer.byteLength === 0, 'bytes were left in the buffer after both frames');
}
