import { expect, pattern, sameBytes } from '../../support/check.js';
import { instantiateHeap, placeAbove2GiB } from '../../support/heap.js';
import type * as Impl from './correct.js';

// Above 2 GiB the heap hands out addresses whose i32 sign bit is set: they reach JavaScript
// negative, and a view made at one throws or counts from the end of memory.
export default function latent({ init, reverse }: typeof Impl): void {
  const wasm = instantiateHeap();
  init(wasm);
  if (!placeAbove2GiB(wasm.set_top, wasm.memory)) return;
  const input = pattern(64);
  expect(sameBytes(reverse(input), input.slice().reverse()), 'reverse() returned the wrong bytes from blocks above 2 GiB');
}
