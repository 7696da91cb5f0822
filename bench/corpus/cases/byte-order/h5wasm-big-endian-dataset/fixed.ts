// HDF5 in the browser (excerpt): turns the raw bytes of a numeric dataset, read out of the wasm
// HDF5 library, into a typed array according to the dataset's datatype.
export interface Metadata {
  type: 'int' | 'float';
  size: 1 | 2 | 4 | 8;
  signed: boolean;
  littleEndian: boolean;
}

type NumericArray = Int8Array | Uint8Array | Int16Array | Uint16Array | Int32Array | Uint32Array | Float32Array | Float64Array | BigInt64Array | BigUint64Array;

function arrayConstructor({ type, size, signed }: Metadata) {
  if (type === 'float') return size === 4 ? Float32Array : Float64Array;
  if (size === 1) return signed ? Int8Array : Uint8Array;
  if (size === 2) return signed ? Int16Array : Uint16Array;
  if (size === 4) return signed ? Int32Array : Uint32Array;
  return signed ? BigInt64Array : BigUint64Array;
}

/** A copy of `data` with the bytes of each `size`-byte value reversed. */
function swapBytes(data: Uint8Array<ArrayBuffer>, size: number): Uint8Array<ArrayBuffer> {
  const swapped = new Uint8Array(data.byteLength);
  for (let i = 0; i < data.byteLength; i += size) for (let j = 0; j < size; j++) swapped[i + j] = data[i + size - 1 - j];
  return swapped;
}

export function processData(data: Uint8Array<ArrayBuffer>, metadata: Metadata): NumericArray {
  const Ctor = arrayConstructor(metadata);
  // Typed arrays read in the platform's order (little-endian): bring big-endian values to it first.
  if (!metadata.littleEndian && metadata.size > 1) data = swapBytes(data, metadata.size);
  return new Ctor(data.buffer, data.byteOffset, data.byteLength / metadata.size);
}
