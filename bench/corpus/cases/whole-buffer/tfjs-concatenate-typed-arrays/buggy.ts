// Model I/O: weights are saved as one binary blob made by concatenating every tensor's data.
type TypedArray = Float32Array | Int32Array | Uint8Array;

export interface WeightsManifestEntry {
  name: string;
  shape: number[];
  dtype: 'float32' | 'int32' | 'bool';
}

/** Concatenates the bytes of `xs` into one ArrayBuffer. */
export function concatenateTypedArrays(xs: TypedArray[]): ArrayBuffer {
  let totalByteLength = 0;
  xs.forEach(x => {
    totalByteLength += x.byteLength;
  });
  const y = new Uint8Array(totalByteLength);
  let offset = 0;
  xs.forEach(x => {
    y.set(new Uint8Array(x.buffer), offset); // BUG
    offset += x.byteLength;
  });
  return y.buffer;
}

/** Encodes named tensors into the weight data and specs that a model.json references. */
export function encodeWeights(tensors: Record<string, { shape: number[]; dtype: 'float32' | 'int32'; values: TypedArray }>): {
  data: ArrayBuffer;
  specs: WeightsManifestEntry[];
} {
  const specs: WeightsManifestEntry[] = [];
  const dataChunks: TypedArray[] = [];
  for (const name of Object.keys(tensors)) {
    const t = tensors[name];
    specs.push({ name, shape: t.shape, dtype: t.dtype });
    dataChunks.push(t.values);
  }
  return { data: concatenateTypedArrays(dataChunks), specs };
}
