// Reads a column of float64 values streamed from a file as Buffer chunks (each chunk a whole
// number of values).
export async function readFloat64Column(chunks: AsyncIterable<Buffer>): Promise<Float64Array> {
  const parts: Float64Array[] = [];
  let length = 0;
  for await (const chunk of chunks) {
    const values = new Float64Array(chunk.buffer, chunk.byteOffset, chunk.byteLength / 8); // BUG
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
