import { expect } from '../../../support/check.js';
import type * as Impl from './fixed.js';

export default function confirm({ matrixFromBytes, transposedBytes }: typeof Impl): void {
  // The reporter's 3x3 matrix with a single 1 at row 1, column 0.
  const matrix = matrixFromBytes(new Uint8Array([0, 0, 0, 1, 0, 0, 0, 0, 0]), 3, 3);
  const bytes = transposedBytes(matrix);
  expect(
    Array.from(bytes).join() === '0,1,0,0,0,0,0,0,0',
    `the transposed matrix was written as ${Array.from(bytes).join()}: the untransposed storage`,
  );
}
