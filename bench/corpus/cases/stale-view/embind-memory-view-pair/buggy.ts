// A FITS image viewer's frame decoding: two embind functions decompress the pixel plane and the
// alpha mask and return them as typed_memory_views over the wasm heap; the viewer builds an RGBA
// texture from both.
export interface DecompressModule {
  decompressZFPimage(width: number, height: number, bytes: Uint8Array): Float32Array;
  decompressLZ4mask(width: number, height: number, bytes: Uint8Array): Uint8Array;
}

export function decodeFrame(Module: DecompressModule, width: number, height: number, framePixels: Uint8Array, frameMask: Uint8Array): Uint8ClampedArray {
  const pixels = Module.decompressZFPimage(width, height, framePixels);
  const alpha = Module.decompressLZ4mask(width, height, frameMask);
  const rgba = new Uint8ClampedArray(width * height * 4);
  for (let i = 0; i < width * height; i++) {
    const v = pixels[i] * 255; // BUG
    rgba[4 * i] = v;
    rgba[4 * i + 1] = v;
    rgba[4 * i + 2] = v;
    rgba[4 * i + 3] = alpha[i];
  }
  return rgba;
}
