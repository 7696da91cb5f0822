import { MessageChannel, receiveMessageOnPort } from 'node:worker_threads';

/** A new ArrayBuffer holding bytes 1, 2, …, n (non-zero, so a copy and a fresh buffer differ). */
export function filled(byteLength: number, options?: { maxByteLength: number }): ArrayBuffer {
  const buffer = options === undefined ? new ArrayBuffer(byteLength) : new ArrayBuffer(byteLength, options);
  new Uint8Array(buffer).forEach((_, i, bytes) => (bytes[i] = (i % 255) + 1));
  return buffer;
}

/** A new SharedArrayBuffer holding bytes 1, 2, …, n. */
export function filledShared(byteLength: number, options?: { maxByteLength: number }): SharedArrayBuffer {
  const buffer = options === undefined ? new SharedArrayBuffer(byteLength) : new SharedArrayBuffer(byteLength, options);
  new Uint8Array(buffer).forEach((_, i, bytes) => (bytes[i] = (i % 255) + 1));
  return buffer;
}

/** A small wasm memory (1 page, room to grow), bytes 1, 2, … at the start. */
export function wasmMemory(shared = false): WebAssembly.Memory {
  const memory = new WebAssembly.Memory({ initial: 1, maximum: 4, shared });
  new Uint8Array(memory.buffer, 0, 64).forEach((_, i, bytes) => (bytes[i] = i + 1));
  return memory;
}

/** The bytes of a buffer or view as a plain array (a snapshot). */
export function bytesOf(value: ArrayBufferLike | ArrayBufferView): number[] {
  return ArrayBuffer.isView(value)
    ? [...new Uint8Array(value.buffer, value.byteOffset, value.byteLength)]
    : [...new Uint8Array(value)];
}

/**
 * Posts `value` through a MessageChannel and takes it out synchronously on the other port, as a
 * worker would receive it (same structured clone, same transfer rules).
 */
export function postAndReceive<T>(value: T, transfer?: readonly Transferable[]): T {
  const { port1, port2 } = new MessageChannel();
  try {
    if (transfer === undefined) port1.postMessage(value);
    else port1.postMessage(value, transfer as never);
    const received = receiveMessageOnPort(port2);
    if (received === undefined) throw new Error('no message arrived');
    return received.message as T;
  } finally {
    port1.close();
    port2.close();
  }
}
