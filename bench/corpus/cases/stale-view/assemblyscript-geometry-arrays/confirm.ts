import { expect } from '../../../support/check.js';
import { instantiateHeap } from '../../../support/heap.js';
import type * as Impl from './fixed.js';

export default function confirm({ instantiateLoader, Geometry }: typeof Impl): void {
  const geometry = new Geometry(instantiateLoader(instantiateHeap()));
  // A mesh of 4000 vertices: positions, then normals and uvs, which no longer fit the first page.
  const positions = Array.from({ length: 12000 }, (_, i) => ((i * 37) % 101) / 10);
  geometry.setAttribute('position', positions);
  geometry.setAttribute('normal', Array.from({ length: 12000 }, () => 0.5));
  geometry.setAttribute('uv', Array.from({ length: 8000 }, () => 0.25));
  let expected = 0;
  for (let i = 0; i < positions.length; i += 3) {
    expected = Math.max(expected, Math.hypot(Math.fround(positions[i]), Math.fround(positions[i + 1]), Math.fround(positions[i + 2])));
  }
  const radius = geometry.boundingRadius();
  expect(radius === expected, `bounding radius ${radius}, expected ${expected}: the position array was emptied by later allocations`);
}
