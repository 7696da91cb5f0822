import { expect } from '../../support/check.js';
import { createModule } from '../../support/emscripten.js';
import type * as Impl from './correct.js';

export default function confirm({ mirrorText }: typeof Impl): void {
  const Module = createModule();
  const text = Array.from({ length: 150_000 }, (_, i) => String.fromCharCode(97 + (i % 26))).join('');
  const heapBefore = Module.HEAPU8.buffer;
  const mirrored = mirrorText(Module, text);
  expect(Module.HEAPU8.buffer !== heapBefore, 'the heap did not grow: the check proves nothing');
  expect(mirrored === text.split('').reverse().join(''), 'mirrorText returned the wrong text');
  expect(mirrorText(Module, 'abc') === 'cba', 'a second call returned the wrong text');
}
