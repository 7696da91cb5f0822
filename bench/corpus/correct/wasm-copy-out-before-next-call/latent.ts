import { expect, pattern, sameBytes } from '../../support/check.js';
import { instantiateHeap, placeAbove2GiB } from '../../support/heap.js';
import type * as Impl from './correct.js';

// Above 2 GiB the heap hands out addresses whose i32 sign bit is set: they reach JavaScript
// negative, and a view made at one throws or counts from the end of memory.
export default function latent({ doTransform }: typeof Impl): void {
  const wasm = instantiateHeap();
  if (!placeAbove2GiB(wasm.set_top, wasm.memory)) return;
  const frame = pattern(64, 5);
  expect(sameBytes(doTransform(wasm, frame, 16), frame.slice().reverse()), 'the transform came back wrong from blocks above 2 GiB');
}
