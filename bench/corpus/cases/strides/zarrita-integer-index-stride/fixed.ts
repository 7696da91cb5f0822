// Zarr reads: copies the selected elements of a decoded chunk ({ data, shape, stride }) into
// the output.
export interface Chunk {
  data: Float32Array;
  shape: number[];
  stride: number[];
}

/** A selection along one axis: an integer index (drops the axis) or a stepped range. */
export type Projection = { kind: 'integer'; from: number } | { kind: 'slice'; from: number; step: number; count: number };

const BYTES_PER_ELEMENT = 4;

function setFromChunkBinary(dst: Uint8Array, dstOffset: number, dstStride: number[], src: Uint8Array, srcOffset: number, srcStride: number[], projections: Projection[]): void {
  const [proj, ...rest] = projections;
  const [stride, ...restStride] = srcStride;
  if (proj.kind === 'integer') {
    if (rest.length === 0) {
      const offset = srcOffset + proj.from * stride * BYTES_PER_ELEMENT;
      dst.set(src.subarray(offset, offset + BYTES_PER_ELEMENT), dstOffset);
      return;
    }
    setFromChunkBinary(dst, dstOffset, dstStride, src, srcOffset + proj.from * stride * BYTES_PER_ELEMENT, restStride, rest);
    return;
  }
  const [outStride, ...restOut] = dstStride;
  for (let i = 0; i < proj.count; i++) {
    const from = srcOffset + (proj.from + i * proj.step) * stride * BYTES_PER_ELEMENT;
    const to = dstOffset + i * outStride * BYTES_PER_ELEMENT;
    if (rest.length === 0) dst.set(src.subarray(from, from + BYTES_PER_ELEMENT), to);
    else setFromChunkBinary(dst, to, restOut, src, from, restStride, rest);
  }
}

/** `selection[d]` is an index into axis d, or null for the whole axis. Output is row-major. */
export function get(chunk: Chunk, selection: (number | null)[]): { data: Float32Array; shape: number[] } {
  const projections: Projection[] = selection.map((s, d) => (s === null ? { kind: 'slice', from: 0, step: 1, count: chunk.shape[d] } : { kind: 'integer', from: s }));
  const shape = projections.flatMap(p => (p.kind === 'slice' ? [p.count] : []));
  const outStride = shape.map((_, d) => shape.slice(d + 1).reduce((a, b) => a * b, 1));
  const out = new Float32Array(shape.reduce((a, b) => a * b, 1));
  const src = new Uint8Array(chunk.data.buffer, chunk.data.byteOffset, chunk.data.byteLength);
  setFromChunkBinary(new Uint8Array(out.buffer), 0, outStride, src, 0, chunk.stride, projections);
  return { data: out, shape };
}
