import { expect, sameBytes } from '../../../support/check.js';
import type * as Impl from './fixed.js';

export default function confirm({ encodeWeights }: typeof Impl): void {
  // A loaded model's weights are views into the one weight buffer it was deserialized from.
  const weightBuffer = new Float32Array(16).map((_, i) => i + 0.5).buffer;
  const kernel = new Float32Array(weightBuffer, 32, 4);
  const bias = new Float32Array([9, 10]);
  let data: ArrayBuffer;
  try {
    ({ data } = encodeWeights({
      'dense/kernel': { shape: [2, 2], dtype: 'float32', values: kernel },
      'dense/bias': { shape: [2], dtype: 'float32', values: bias },
    }));
  } catch (error) {
    throw new Error(`saving the model threw: ${String(error)}`);
  }
  const saved = new Float32Array(data);
  expect(sameBytes(saved, [...kernel, ...bias]), `the saved weights are ${[...saved]}, expected ${[...kernel, ...bias]}`);
}
