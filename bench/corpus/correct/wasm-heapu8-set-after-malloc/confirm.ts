import { expect, pattern } from '../../support/check.js';
import { createModule } from '../../support/emscripten.js';
import type * as Impl from './correct.js';

export default function confirm({ CodestreamIndex }: typeof Impl): void {
  const Module = createModule();
  const index = new CodestreamIndex(Module);
  const parts = Array.from({ length: 12 }, (_, i) => pattern(20_000 + i * 3000, i + 1));
  const heapBefore = Module.HEAPU8.buffer;
  for (const part of parts) index.add(part);
  expect(Module.HEAPU8.buffer !== heapBefore, 'the heap did not grow: the check proves nothing');
  const expected = parts.map(part => part.reduce((sum, byte) => sum + byte, 0));
  const got = index.checksums();
  expect(got.every((sum, i) => sum === expected[i]), `the decoder read different bytes: ${got.join(',')} vs ${expected.join(',')}`);
  index.dispose();
}
