// Superpack (excerpt): the encoding of non-integer numbers, a type tag followed by the IEEE-754
// double.
export const DOUBLE_TAG = 0xcb;

export function encodeDouble(value: number): Uint8Array {
  const out = new Uint8Array(9);
  out[0] = DOUBLE_TAG;
  new DataView(out.buffer).setFloat64(1, value);
  return out;
}

export function decodeDouble(bytes: Uint8Array, offset: number): number {
  if (bytes[offset] !== DOUBLE_TAG) throw new TypeError('not a double');
  return new DataView(bytes.buffer, bytes.byteOffset).getFloat64(offset + 1);
}
