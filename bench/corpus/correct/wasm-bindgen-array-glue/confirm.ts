import { expect, pattern, sameBytes } from '../../support/check.js';
import { instantiateHeap } from '../../support/heap.js';
import { bindgenExports } from '../../support/wasm-bindgen-exports.js';
import type * as Impl from './correct.js';

export default function confirm({ initSync, reverse_bytes, total }: typeof Impl): void {
  const heap = instantiateHeap();
  initSync(bindgenExports(heap));
  const bufferBefore = heap.memory.buffer;
  const a = pattern(90_000, 1);
  const ra = reverse_bytes(a);
  const b = pattern(120_000, 2);
  const rb = reverse_bytes(b);
  expect(heap.memory.buffer !== bufferBefore, 'memory did not grow: the check proves nothing');
  expect(sameBytes(ra, a.slice().reverse()), 'the first Vec is wrong after later calls');
  expect(sameBytes(rb, b.slice().reverse()), 'the second Vec is wrong');
  const values = new Float64Array(30_000).map((_, i) => i / 4);
  expect(total(values) === values.reduce((x, y) => x + y, 0), 'total is wrong');
}
