import { Buffer } from 'node:buffer';
import { Memory, viewOf } from '@memsafe/runtime';
import { caught, heading, show } from './format.js';

/** A pooled Node Buffer adopted without exposing the pool around it. */
export function pooledBufferTour(): void {
  heading('3. A pooled Buffer adopted without leaking its pool');
  const secret = Buffer.from('api-key=hunter2');
  const message = Buffer.from('hello');
  show("message = Buffer.from('hello')", `byteOffset ${message.byteOffset} of a ${message.buffer.byteLength}-byte pool`);
  const leaked = new Uint8Array(message.buffer);
  const text = Buffer.from(leaked.subarray(secret.byteOffset, secret.byteOffset + secret.length)).toString();
  show('new Uint8Array(message.buffer)', `${leaked.length} bytes, including another Buffer's "${text}"`);

  const mem = Memory.fromTypedArray(message);
  show('Memory.fromTypedArray(message).byteLength', mem.byteLength);
  show("viewOf(message).toArray()", JSON.stringify(viewOf(message).toArray()));
  caught("mem.view('u8', { shape: [8192] })", () => mem.view('u8', { shape: [8192] }));
  caught('viewOf(message).asArrayBuffer()', () => viewOf(message).asArrayBuffer());
}
