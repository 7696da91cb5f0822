import { expect } from '../../../support/check.js';
import type * as Impl from './fixed.js';

export default function confirm({ convertArrayOrder, getStrides }: typeof Impl): void {
  // A (2, 3, 4) chunk as decode hands it over from a column-major store: stride [1, 2, 6].
  const shape = [2, 3, 4];
  const srcStride = getStrides(shape, [2, 1, 0]);
  const src = new Float32Array(24);
  const value = (i: number, j: number, k: number) => 100 * i + 10 * j + k;
  for (let i = 0; i < 2; i++) for (let j = 0; j < 3; j++) for (let k = 0; k < 4; k++) src[i * srcStride[0] + j * srcStride[1] + k * srcStride[2]] = value(i, j, k);

  // Encoding for a store in order [1, 0, 2]: axis 1 slowest, then axis 0, axis 2 fastest.
  const out = convertArrayOrder({ data: src, shape, stride: srcStride }, [1, 0, 2]);
  for (let i = 0; i < 2; i++)
    for (let j = 0; j < 3; j++)
      for (let k = 0; k < 4; k++) {
        const got = out.data[i * out.stride[0] + j * out.stride[1] + k * out.stride[2]];
        expect(got === value(i, j, k), `element (${i}, ${j}, ${k}) was written as ${got}, want ${value(i, j, k)}: the chunk stored is scrambled`);
      }
}
