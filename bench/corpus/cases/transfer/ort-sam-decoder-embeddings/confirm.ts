import { expect } from '../../../support/check.js';
import { proxySession, type TensorLike } from '../../../support/transfer-ort-proxy.js';
import type * as Impl from './fixed.js';

export default async function confirm({ SamPredictor }: typeof Impl): Promise<void> {
  // ort.env.wasm.proxy = true: both sessions run in the proxy worker.
  const encoder = proxySession(['input_image'], ['image_embeddings'], (inputs: Record<string, TensorLike>) => {
    const pixels = inputs.input_image.data as Float32Array;
    const embeddings = Float32Array.from({ length: 64 }, (_, i) => pixels[i % pixels.length] + i);
    return { image_embeddings: { type: 'float32', data: embeddings, dims: [1, 64] } };
  });
  const decoder = proxySession(['image_embeddings', 'point_coords', 'point_labels'], ['masks'], (inputs: Record<string, TensorLike>) => {
    const embeddings = inputs.image_embeddings.data as Float32Array;
    const [x, y] = inputs.point_coords.data as Float32Array;
    const masks = embeddings.map(value => (value > x + y ? 1 : 0));
    return { masks: { type: 'float32', data: masks, dims: [1, masks.length] } };
  });
  try {
    const predictor = new SamPredictor(encoder, decoder);
    await predictor.setImage(new Float32Array(8 * 8 * 3).fill(0.5), 8, 8);
    const clicks: [number, number][] = [
      [10, 10],
      [20, 5],
    ];
    for (const [index, [x, y]] of clicks.entries()) {
      const mask = await predictor.decode(x, y);
      expect(mask.length === 64, `click ${index + 1} produced a mask of ${mask.length} values, 64 were expected`);
    }
  } finally {
    encoder.release();
    decoder.release();
  }
}
