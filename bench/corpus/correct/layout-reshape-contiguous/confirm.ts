import { countCopies } from '../../support/copies.js';
import { expect } from '../../support/check.js';
import type * as Impl from './correct.js';

export default async function confirm({ reshape, flatten, innerProduct, isContiguous }: typeof Impl): Promise<void> {
  const data = new Float64Array([0, 1, 2, 3, 4, 5]);
  const a: Impl.NdArray = { data, shape: [2, 3], stride: [3, 1], offset: 0 };
  const t: Impl.NdArray = { data, shape: [3, 2], stride: [1, 3], offset: 0 };
  expect(isContiguous(a) && !isContiguous(t), 'contiguity was misjudged');
  expect(Array.from(flatten(t)).join() === '0,3,1,4,2,5', `a transposed view flattened to ${Array.from(flatten(t)).join()}`);
  const r = reshape(t, [6]);
  expect(Array.from(r.data).join() === '0,3,1,4,2,5', 'reshaping a transposed view used its data as it lies');
  let flat: Float64Array | Float32Array = new Float64Array(0);
  const copies = await countCopies(() => {
    flat = reshape(a, [3, 2]).data;
  });
  expect(copies.calls === 0 && flat.buffer === data.buffer, 'a contiguous view was copied to reshape it');
  const row: Impl.NdArray = { data, shape: [1, 3], stride: [3, 1], offset: 3 };
  expect(Array.from(flatten(row)).join() === '3,4,5', 'a contiguous view at an offset flattened wrongly');
  expect(innerProduct(t, t) === 55 && innerProduct(a, { data: new Float64Array([1, 1, 1, 1, 1, 1]), shape: [2, 3], stride: [3, 1], offset: 0 }) === 15, 'innerProduct is wrong');
}
