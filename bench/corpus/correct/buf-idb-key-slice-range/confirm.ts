import { expect } from '../../support/check.js';
import type * as Impl from './correct.js';

export default function confirm({ cmp, valueToKey, KeyIndex }: typeof Impl): void {
  const scratch = new Uint8Array([9, 9, 1, 2, 3, 9, 1, 2, 4, 9]);
  const low = scratch.subarray(2, 5);
  const high = scratch.subarray(6, 9);
  expect(cmp(low, high) === -1 && cmp(high, low) === 1, 'keys from subarrays of one buffer compare equal or reversed');
  expect(cmp(low, new Uint8Array([1, 2, 3])) === 0, 'a subarray key differs from the same bytes on their own');
  const key = valueToKey(low) as ArrayBuffer;
  expect(key.byteLength === 3, `the key holds ${key.byteLength} bytes, not the view's 3`);

  const index = new KeyIndex();
  const reused = new Uint8Array(16);
  for (const [bytes, id] of [[[5, 1], 'e'], [[1, 7], 'a'], [[3, 3], 'c']] as const) {
    reused.set(bytes, 8);
    index.put(reused.subarray(8, 10), id);
  }
  expect(index.values().join('') === 'ace', `the index holds ${index.values().join('')}: keys changed when the source buffer was reused`);
}
