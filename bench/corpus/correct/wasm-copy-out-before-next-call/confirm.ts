import { expect, pattern, sameBytes } from '../../support/check.js';
import { instantiateHeap } from '../../support/heap.js';
import type * as Impl from './correct.js';

export default function confirm({ doTransform }: typeof Impl): void {
  const wasm = instantiateHeap();
  const frames = [21, 5000, 40_000, 33].map((n, i) => pattern(n * 4, i * 11));
  // Callers keep every result while transforming the next frames (which grows memory).
  const results = frames.map((frame, i) => doTransform(wasm, frame, [21, 5000, 40_000, 33][i]));
  results.forEach((result, i) => expect(sameBytes(result, frames[i].slice().reverse()), `frame ${i} came back wrong after later transforms`));
}
