// PSD reader (excerpt): decompressed channel bytes to sample arrays, and 16-bit channels down to
// the 8-bit RGBA of the composite image.
export function bytesToArray(bytes: Uint8Array, bitsPerChannel: 8 | 16): Uint8Array | Uint16Array {
  if (bitsPerChannel === 8) return bytes;
  // The samples are big-endian: assemble them byte by byte rather than viewing the bytes in the
  // platform's (little-endian) order.
  const result = new Uint16Array(bytes.byteLength / 2);
  for (let i = 0; i < result.length; i++) result[i] = (bytes[i * 2] << 8) | bytes[i * 2 + 1];
  return result;
}

/** Writes one channel (0 = R, 1 = G, 2 = B, 3 = A) of `channelData` into RGBA pixels. */
export function writeChannel(pixels: Uint8ClampedArray, channel: number, channelData: Uint8Array, bitsPerChannel: 8 | 16): void {
  const samples = bytesToArray(channelData, bitsPerChannel);
  const shift = bitsPerChannel === 16 ? 8 : 0;
  for (let i = 0; i < samples.length; i++) pixels[i * 4 + channel] = samples[i] >> shift;
}
