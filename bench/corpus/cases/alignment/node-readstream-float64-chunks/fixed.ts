// Reads a column of float64 values streamed from a file as Buffer chunks (each chunk a whole
// number of values).
/** A view when the chunk happens to be 8-aligned in its backing buffer, else an aligned copy. */
function toFloat64Array(chunk: Buffer): Float64Array {
  if (chunk.byteOffset % Float64Array.BYTES_PER_ELEMENT === 0) return new Float64Array(chunk.buffer, chunk.byteOffset, chunk.byteLength / 8);
  const copy = new Uint8Array(chunk.byteLength);
  copy.set(chunk);
  return new Float64Array(copy.buffer);
}

export async function readFloat64Column(chunks: AsyncIterable<Buffer>): Promise<Float64Array> {
  const parts: Float64Array[] = [];
  let length = 0;
  for await (const chunk of chunks) {
    const values = toFloat64Array(chunk);
    parts.push(values);
    length += values.length;
  }
  const column = new Float64Array(length);
  let offset = 0;
  for (const part of parts) {
    column.set(part, offset);
    offset += part.length;
  }
  return column;
}
