import { expect } from '../../../support/check.js';
import { ndarray } from '../../../support/strides-ndarray.js';
import type * as Impl from './fixed.js';

const RED = [255, 0, 0, 255];
const BLACK = [0, 0, 0, 255];

export default function confirm({ samePixels }: typeof Impl): void {
  // The reporter's input, built with default strides: dimension 0 is x, so pixel (x, y) is at
  // data[8x + 4y]. save-pixels reads it through get(x, y, c) and writes rows: red red / black black.
  const pixelsIn = ndarray(new Uint8Array([...RED, ...BLACK, ...RED, ...BLACK]), [2, 2, 4]);
  // get-pixels decodes the PNG into row-major storage and describes it with stride [4, 8, 1].
  const pixelsOut = ndarray(new Uint8Array([...RED, ...RED, ...BLACK, ...BLACK]), [2, 2, 4], [4, 8, 1]);
  expect(pixelsIn.get(1, 0, 0) === pixelsOut.get(1, 0, 0) && pixelsIn.get(0, 1, 0) === pixelsOut.get(0, 1, 0), 'test data is wrong');
  expect(samePixels(pixelsIn, pixelsOut), 'the roundtrip reports different pixels for the same image: the storage orders were compared');

  const other = ndarray(new Uint8Array([...RED, ...RED, ...BLACK, ...RED]), [2, 2, 4], [4, 8, 1]);
  expect(!samePixels(pixelsIn, other), 'a different image compares equal');
}
