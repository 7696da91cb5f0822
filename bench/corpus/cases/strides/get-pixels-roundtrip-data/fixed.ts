// Image test helper: checks that pixels survive an encode (save-pixels) and decode (get-pixels).
import type { NdArray } from '../../../support/strides-ndarray.js';

/** Whether two W x H x 4 ndarrays hold the same image. */
export function samePixels(pixelsIn: NdArray, pixelsOut: NdArray): boolean {
  if (pixelsIn.shape.join() !== pixelsOut.shape.join()) return false;
  // The two may lay their pixels out differently (get-pixels returns stride [4, 4 * width, 1]):
  // compare element by element through the strides, not the storage.
  const [width, height, channels] = pixelsIn.shape;
  for (let x = 0; x < width; x++)
    for (let y = 0; y < height; y++)
      for (let c = 0; c < channels; c++) if (pixelsIn.get(x, y, c) !== pixelsOut.get(x, y, c)) return false;
  return true;
}
