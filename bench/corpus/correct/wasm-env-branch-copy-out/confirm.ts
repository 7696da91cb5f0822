import { expect, pattern, sameBytes } from '../../support/check.js';
import { instantiateHeap } from '../../support/heap.js';
import type * as Impl from './correct.js';

function run(inflate: typeof Impl.inflate, label: string): void {
  const wasm = instantiateHeap();
  const first = pattern(100_000, 1);
  const second = pattern(150_000, 2);
  const a = inflate(wasm, first);
  const bufferBefore = wasm.memory.buffer;
  const b = inflate(wasm, second); // grows memory and reuses nothing of the first call
  expect(wasm.memory.buffer !== bufferBefore, 'memory did not grow: the check proves nothing');
  expect(a.buffer !== wasm.memory.buffer && a.buffer !== bufferBefore, `${label}: the output still views wasm memory`);
  expect(sameBytes(a, first.slice().reverse()), `${label}: the first output changed after the next call`);
  expect(sameBytes(b, second.slice().reverse()), `${label}: the second output is wrong`);
}

export default function confirm({ inflate }: typeof Impl): void {
  run(inflate, 'node');
  // The browser path: no `process` global.
  const saved = globalThis.process;
  (globalThis as { process?: unknown }).process = undefined;
  try {
    run(inflate, 'browser');
  } finally {
    globalThis.process = saved;
  }
}
