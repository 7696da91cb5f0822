import { expect } from '../../support/check.js';
import { instantiateHeap } from '../../support/heap.js';
import type * as Impl from './correct.js';

export default function confirm({ normalizeAll }: typeof Impl): void {
  const wasm = instantiateHeap();
  const series = [5000, 12_000, 20_000].map(n => new Float64Array(n).map((_, i) => (i % 10) + 1));
  const bufferBefore = wasm.memory.buffer;
  const results = normalizeAll(wasm, series);
  expect(wasm.memory.buffer !== bufferBefore, 'memory did not grow: the check proves nothing');
  results.forEach((result, i) => {
    const total = series[i].reduce((a, b) => a + b, 0);
    expect(result.length === series[i].length, `series ${i} has the wrong length`);
    expect(result.every((v, j) => v === series[i][j] / total), `series ${i} was normalised wrong`);
  });
}
