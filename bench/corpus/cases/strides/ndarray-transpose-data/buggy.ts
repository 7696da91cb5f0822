// Writes a matrix out as raw bytes after transposing it (scijs ndarray).
import { ndarray, type NdArray } from '../../../support/strides-ndarray.js';

export function matrixFromBytes(bytes: Uint8Array, rows: number, cols: number): NdArray<Uint8Array> {
  return ndarray(bytes, [rows, cols]);
}

/** The transposed matrix as a row-major buffer, ready to write to a file. */
export function transposedBytes(matrix: NdArray<Uint8Array>): Buffer {
  const modified = matrix.transpose(1, 0);
  return Buffer.from(modified.data.buffer, modified.data.byteOffset, modified.data.byteLength); // BUG
}
