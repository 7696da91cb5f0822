import { expect, pattern, sameBytes } from '../../support/check.js';
import { instantiateHeap } from '../../support/heap.js';
import type * as Impl from './correct.js';

export default function confirm({ init, reverse }: typeof Impl): void {
  init(instantiateHeap());
  const input = pattern(1 << 17);
  const out = reverse(input);
  expect(sameBytes(out, input.slice().reverse()), 'reverse() returned the wrong bytes');
}
