import { expect } from '../../../support/check.js';
import { proxySession, type TensorLike } from '../../../support/transfer-ort-proxy.js';
import type * as Impl from './fixed.js';

const EMBED = 4;

export default async function confirm({ Tensor, env, featureExtraction }: typeof Impl): Promise<void> {
  // The "model": token i's embedding is (id, id + 1, id + 2, id + 3).
  const session = proxySession(['input_ids', 'attention_mask'], ['last_hidden_state'], (inputs: Record<string, TensorLike>) => {
    const ids = inputs.input_ids.data as BigInt64Array;
    const hidden = new Float32Array(ids.length * EMBED);
    ids.forEach((id, i) => {
      for (let d = 0; d < EMBED; d++) hidden[i * EMBED + d] = Number(id) + d;
    });
    return { last_hidden_state: { type: 'float32', data: hidden, dims: [1, ids.length, EMBED] } };
  });
  env.wasm.proxy = true;
  try {
    const ids = [101n, 7592n, 102n, 0n];
    const inputs = {
      input_ids: new Tensor('int64', BigInt64Array.from(ids), [1, 4]),
      attention_mask: new Tensor('int64', BigInt64Array.from([1n, 1n, 1n, 0n]), [1, 4]),
    };
    const embedding = await featureExtraction(session, inputs, { pooling: 'mean' });
    const expected = (101 + 7592 + 102) / 3;
    const got = Array.from(embedding.data as Float32Array);
    expect(got.every(Number.isFinite), `mean pooling produced ${got.join(', ')}: the attention mask was empty after the run`);
    expect(Math.abs(got[0] - expected) < 1e-3, `the first component is ${got[0]}, ${expected} was expected`);
  } finally {
    env.wasm.proxy = false;
    session.release();
  }
}
