// Feature extraction in the style of transformers.js: the tokenized inputs run through an
// onnxruntime-web session, and a sentence embedding is the mean of the token embeddings weighted by
// the attention mask.
export type TensorData = Float32Array | BigInt64Array;

export class Tensor {
  constructor(public type: string, public data: TensorData, public dims: number[]) {}

  clone(): Tensor {
    return new Tensor(this.type, this.data.slice(), this.dims.slice());
  }
}

export interface InferenceSession {
  readonly inputNames: string[];
  run(feeds: Record<string, Tensor>): Promise<Record<string, { type: string; data: TensorData; dims: readonly number[] }>>;
}

/** The ONNX backend's settings; `wasm.proxy` runs inference in a worker. */
export const env = { wasm: { proxy: false } };

function validateInputs(session: InferenceSession, inputs: Record<string, Tensor>): Record<string, Tensor> {
  const checkedInputs: Record<string, Tensor> = {};
  for (const inputName of session.inputNames) {
    const tensor = inputs[inputName];
    if (tensor === undefined) throw new Error(`An input named "${inputName}" is missing.`);
    checkedInputs[inputName] = tensor;
  }
  return checkedInputs;
}

async function sessionRun(session: InferenceSession, inputs: Record<string, Tensor>): Promise<Record<string, Tensor>> {
  const checkedInputs = validateInputs(session, inputs);
  const output = await session.run(checkedInputs);
  return Object.fromEntries(Object.entries(output).map(([name, t]) => [name, new Tensor(t.type, t.data, [...t.dims])]));
}

export function meanPooling(lastHiddenState: Tensor, attentionMask: Tensor): Tensor {
  const [batchSize, seqLength, embedDim] = lastHiddenState.dims;
  const hidden = lastHiddenState.data as Float32Array;
  const mask = attentionMask.data as BigInt64Array;
  const pooled = new Float32Array(batchSize * embedDim);
  for (let b = 0; b < batchSize; b++) {
    let count = 0;
    for (let s = 0; s < seqLength; s++) count += Number(mask[b * seqLength + s] ?? 0n);
    for (let d = 0; d < embedDim; d++) {
      let sum = 0;
      for (let s = 0; s < seqLength; s++) sum += hidden[(b * seqLength + s) * embedDim + d] * Number(mask[b * seqLength + s] ?? 0n);
      pooled[b * embedDim + d] = sum / count;
    }
  }
  return new Tensor('float32', pooled, [batchSize, embedDim]);
}

export interface ModelInputs extends Record<string, Tensor> {
  input_ids: Tensor;
  attention_mask: Tensor;
}

export async function featureExtraction(session: InferenceSession, modelInputs: ModelInputs, { pooling = 'none' }: { pooling?: 'none' | 'mean' } = {}): Promise<Tensor> {
  const outputs = await sessionRun(session, modelInputs);
  const result = outputs.last_hidden_state;
  if (pooling === 'mean') return meanPooling(result, modelInputs.attention_mask); // BUG
  return result;
}
