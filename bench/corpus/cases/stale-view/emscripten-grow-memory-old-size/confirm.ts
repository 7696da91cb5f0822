import { expect } from '../../../support/check.js';
import { instantiateHeap } from '../../../support/heap.js';
import type * as Impl from './fixed.js';

export default function confirm({ makeGrowMemory }: typeof Impl): void {
  const { memory } = instantiateHeap();
  const resizes: Array<[number, number]> = [];
  const errors: string[] = [];
  const growMemory = makeGrowMemory(memory, () => {}, { onMemoryResize: (oldSize, newSize) => resizes.push([oldSize, newSize]) }, message => errors.push(message));
  expect(growMemory(4 * 65536) === 1, `growMemory failed: ${errors.join('; ')}`);
  expect(memory.buffer.byteLength === 4 * 65536, 'the memory did not grow to 4 pages');
  const [oldSize, newSize] = resizes[0] ?? [NaN, NaN];
  expect(oldSize === 65536 && newSize === 4 * 65536, `the profiler was told the heap grew from ${oldSize} to ${newSize} bytes, not from 65536 to 262144`);
}
