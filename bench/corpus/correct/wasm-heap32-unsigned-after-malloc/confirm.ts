import { expect } from '../../support/check.js';
import { createModule } from '../../support/emscripten.js';
import type * as Impl from './correct.js';

export default function confirm({ writeCounts, readCount, totalCounts }: typeof Impl): void {
  const Module = createModule();
  const counts = Array.from({ length: 1000 }, (_, i) => (i * 7) % 256);
  const expected = counts.reduce((a, b) => a + b, 0);
  expect(totalCounts(Module, counts) === expected, 'the module summed the wrong counts below 2 GiB');

  // A program that has allocated 2 GiB: the next blocks lie above it, and malloc returns them as
  // negative i32 numbers.
  Module._set_top(2 ** 31 + 4096);
  const ptr = writeCounts(Module, counts);
  expect(ptr < 0, 'the block is not above 2 GiB: the check proves nothing');
  expect(readCount(Module, ptr, 0) === counts[0] && readCount(Module, ptr, 999) === counts[999], 'counts read back from above 2 GiB are wrong');
  expect(Module._sum_u8(ptr, counts.length * 4) === expected, 'the module read the wrong counts above 2 GiB');
  expect(totalCounts(Module, counts) === expected, 'totalCounts is wrong above 2 GiB');
}
