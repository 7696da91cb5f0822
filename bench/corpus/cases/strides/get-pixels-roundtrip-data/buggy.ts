// Image test helper: checks that pixels survive an encode (save-pixels) and decode (get-pixels).
import type { NdArray } from '../../../support/strides-ndarray.js';

/** Whether two W x H x 4 ndarrays hold the same image. */
export function samePixels(pixelsIn: NdArray, pixelsOut: NdArray): boolean {
  if (pixelsIn.shape.join() !== pixelsOut.shape.join()) return false;
  return Array.from(pixelsOut.data).join() === Array.from(pixelsIn.data).join(); // BUG
}
