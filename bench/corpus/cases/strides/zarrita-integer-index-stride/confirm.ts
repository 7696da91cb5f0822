import { expect } from '../../../support/check.js';
import type * as Impl from './fixed.js';

export default function confirm({ get }: typeof Impl): void {
  // A (3, 4, 5) array stored with transpose order [2, 1, 0]: element (i, j, k) sits at
  // i + 3j + 12k and holds 20i + 5j + k.
  const shape = [3, 4, 5];
  const stride = [1, 3, 12];
  const data = new Float32Array(60);
  for (let i = 0; i < 3; i++) for (let j = 0; j < 4; j++) for (let k = 0; k < 5; k++) data[i * stride[0] + j * stride[1] + k * stride[2]] = 20 * i + 5 * j + k;
  const chunk = { data, shape, stride };

  const full = get(chunk, [null, null, null]);
  expect(full.data[33] === 33, 'a full read is wrong');
  const column = get(chunk, [null, null, 3]);
  const want = [3, 8, 13, 18, 23, 28, 33, 38, 43, 48, 53, 58];
  expect(column.data.join() === want.join(), `get(arr, [null, null, 3]) gave ${Array.from(column.data).join()}, want ${want.join()}`);
  const one = get(chunk, [1, 2, 3]);
  expect(one.data[0] === 33, `get(arr, [1, 2, 3]) gave ${one.data[0]}, want 33`);
}
