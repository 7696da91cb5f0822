// Reads length-prefixed frames from a Node socket stream: [u32 length][payload].
import { Buffer } from 'node:buffer';

export interface Frame {
  readonly length: number;
  readonly payload: Buffer;
}

/** Bug: `chunk.buffer` is Node's whole shared pool when the chunk is pooled, not the chunk. */
export function readLength(chunk: Buffer): number {
  const view = new DataView(chunk.buffer);
  return view.getUint32(0, true);
}

/** Correct: a DataView over exactly the chunk's bytes. */
export function readLengthFixed(chunk: Buffer): number {
  return new DataView(chunk.buffer, chunk.byteOffset, chunk.byteLength).getUint32(0, true);
}

/** `Buffer#slice` is deprecated and shares memory; the payload is a view into the chunk either way. */
export function readFrame(chunk: Buffer): Frame {
  const length = chunk.readUInt32LE(0);
  return { length, payload: chunk.slice(4, 4 + length) };
}

/** Bug: masks a copy of the payload; if the caller passes a Buffer, slice() is a view and the mask lands on the socket's bytes. */
export function unmask(payload: Uint8Array, key: Uint8Array): Uint8Array {
  const unmasked = payload.slice();
  for (let i = 0; i < unmasked.length; i++) unmasked[i]! ^= key[i % 4]!;
  return unmasked;
}

/** Bug: the format is little-endian, but DataView reads big-endian unless told. */
export function readVersion(chunk: Buffer): number {
  return new DataView(chunk.buffer, chunk.byteOffset, chunk.byteLength).getUint16(4);
}

/** Bug: zeroes a copy of the session key; the key itself stays in memory. */
export function forgetKey(key: Uint8Array): void {
  key.slice().fill(0);
}
