import { expect } from '../../../support/check.js';
import { instantiateHeap, placeAbove2GiB } from '../../../support/heap.js';
import type * as Impl from './fixed.js';

// Above 2 GiB the heap hands out addresses whose i32 sign bit is set: they reach JavaScript
// negative, and a view made at one throws or counts from the end of memory.
export default function latent({ instantiateLoader, Geometry }: typeof Impl): void {
  const wasm = instantiateHeap();
  if (!placeAbove2GiB(wasm.set_top, wasm.memory)) return;
  const geometry = new Geometry(instantiateLoader(wasm));
  geometry.setAttribute('position', [3, 4, 0, 0, 0, 1]);
  const radius = geometry.boundingRadius();
  expect(radius === 5, `bounding radius ${radius} from an array above 2 GiB, expected 5`);
}
