// Codec helpers in the style of @solana/kit's codecs-core: toArrayBuffer() turns (a range of) a
// Uint8Array into an ArrayBuffer for APIs that only take one (WebCrypto, Blob parts...). It hands back
// the backing buffer itself only when the requested range is that entire buffer.
export type ReadonlyUint8Array = Omit<Uint8Array, 'copyWithin' | 'fill' | 'reverse' | 'set' | 'sort'> & { readonly [n: number]: number };

export function toArrayBuffer(bytes: ReadonlyUint8Array | Uint8Array, offset?: number, length?: number): ArrayBuffer {
  let buffer: ArrayBuffer;
  let bytesOffset: number;
  if (typeof SharedArrayBuffer !== 'undefined' && bytes.buffer instanceof SharedArrayBuffer) {
    buffer = new ArrayBuffer(bytes.byteLength);
    new Uint8Array(buffer).set(new Uint8Array(bytes.buffer, bytes.byteOffset, bytes.byteLength));
    bytesOffset = offset ?? 0;
  } else {
    buffer = bytes.buffer as ArrayBuffer;
    bytesOffset = bytes.byteOffset + (offset ?? 0);
  }
  const bytesLength = length ?? bytes.byteLength - (offset ?? 0);
  return bytesOffset === 0 && bytesLength === buffer.byteLength ? buffer : buffer.slice(bytesOffset, bytesOffset + bytesLength);
}

const SIGNATURE_LENGTH = 64;

/** A signed transaction as bytes: a signature count, the signatures, then the message. */
export function messageBytes(transaction: Uint8Array): Uint8Array {
  const count = transaction[0]!;
  return transaction.subarray(1 + count * SIGNATURE_LENGTH);
}

/** The hash the wallet displays for a transaction's message. */
export async function messageHash(transaction: Uint8Array): Promise<Uint8Array> {
  const digest = await crypto.subtle.digest('SHA-256', toArrayBuffer(messageBytes(transaction)));
  return new Uint8Array(digest);
}
