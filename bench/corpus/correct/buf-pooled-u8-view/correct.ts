// Node build of an SDK's encoding helpers: Buffer.from(string) does the decoding, but the SDK works
// in plain Uint8Arrays everywhere else (slice() copies, subarray() views), so each helper re-views
// exactly the Buffer's bytes, which Node may have carved out of its shared 8 KiB pool.
export function decodeHex(text: string): Uint8Array {
  const buf = Buffer.from(text.startsWith('0x') ? text.slice(2) : text, 'hex');
  return new Uint8Array(buf.buffer, buf.byteOffset, buf.byteLength);
}

export function encodeUtf8(text: string): Uint8Array {
  const buf = Buffer.from(text, 'utf8');
  return new Uint8Array(buf.buffer, buf.byteOffset, buf.byteLength);
}

export function encodeHex(bytes: Uint8Array): string {
  return Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('hex');
}

/** A transaction memo as the network wants it: at most 100 UTF-8 bytes. */
export function memoBytes(memo: string): Uint8Array {
  const bytes = encodeUtf8(memo);
  if (bytes.length > 100) throw new RangeError('memo is longer than 100 bytes');
  return bytes;
}

/** An ED25519 public key given as hex, with or without its DER prefix. */
export function publicKeyFromString(text: string): Uint8Array {
  const bytes = decodeHex(text);
  if (bytes.length === 44) return bytes.slice(12);
  if (bytes.length !== 32) throw new RangeError(`invalid public key length: ${bytes.length} bytes`);
  return bytes.slice();
}
