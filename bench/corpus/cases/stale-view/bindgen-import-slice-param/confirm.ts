import { expect } from '../../../support/check.js';
import { instantiateHeap } from '../../../support/heap.js';
import type * as Impl from './fixed.js';

export default function confirm({ init, lines, __wbg_jstakebysharedreference }: typeof Impl): void {
  const exports = instantiateHeap();
  init(exports);
  lines.length = 0;
  // The crate's greet(): js_take_by_shared_reference(&vec![1, 2, 3]).
  const ptr = exports.malloc(3);
  new Uint8Array(exports.memory.buffer).set([1, 2, 3], ptr);
  __wbg_jstakebysharedreference(ptr, 3);
  expect(lines.length === 2 && lines[0] === '1, 2, 3' && lines[1] === '1, 2, 3', `the import printed ${JSON.stringify(lines)} instead of "1, 2, 3" twice`);
}
