// Writes a matrix out as raw bytes after transposing it (scijs ndarray).
import { ndarray, ops, type NdArray } from '../../../support/strides-ndarray.js';

export function matrixFromBytes(bytes: Uint8Array, rows: number, cols: number): NdArray<Uint8Array> {
  return ndarray(bytes, [rows, cols]);
}

/** The transposed matrix as a row-major buffer, ready to write to a file. */
export function transposedBytes(matrix: NdArray<Uint8Array>): Buffer {
  const modified = matrix.transpose(1, 0);
  // transpose() only permutes shape and stride: copy the view into contiguous storage.
  const out = ndarray(new Uint8Array(modified.size), modified.shape);
  ops.assign(out, modified);
  return Buffer.from(out.data.buffer, out.data.byteOffset, out.data.byteLength);
}
