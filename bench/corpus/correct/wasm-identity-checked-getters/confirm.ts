import { expect, pattern, sameBytes } from '../../support/check.js';
import { instantiateHeap } from '../../support/heap.js';
import type * as Impl from './correct.js';

export default function confirm({ init, storeAll, readEntry }: typeof Impl): void {
  const wasm = instantiateHeap();
  init(wasm);
  const parts = Array.from({ length: 16 }, (_, i) => pattern(9000 + i * 1000, i));
  const bufferBefore = wasm.memory.buffer;
  const table = storeAll(parts);
  expect(wasm.memory.buffer !== bufferBefore, 'memory did not grow: the check proves nothing');
  parts.forEach((part, i) => expect(sameBytes(readEntry(table, i), part), `entry ${i} read back wrong`));
  // Growth between reads, from outside the glue.
  wasm.grow(2);
  expect(sameBytes(readEntry(table, 3), parts[3]), 'entry 3 read back wrong after a later growth');
}
