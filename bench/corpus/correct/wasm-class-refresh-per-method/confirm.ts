import { expect, pattern, sameBytes } from '../../support/check.js';
import { GROWING_REQUEST, instantiateHeap } from '../../support/heap.js';
import type * as Impl from './correct.js';

export default function confirm({ WasmBlock }: typeof Impl): void {
  const wasm = instantiateHeap();
  const block = new WasmBlock(wasm, 4096);
  const first = pattern(1000, 3);
  block.write(0, first);
  // Another user of the module allocates: memory grows between two method calls.
  const bufferBefore = wasm.memory.buffer;
  const other = new WasmBlock(wasm, GROWING_REQUEST);
  expect(wasm.memory.buffer !== bufferBefore, 'memory did not grow: the check proves nothing');
  other.write(0, pattern(10));
  expect(sameBytes(block.read(0, 1000), first), 'read() after growth returned the wrong bytes');
  const second = pattern(3000, 9);
  block.write(1000, second);
  const expected = first.reduce((a, b) => a + b, 0) + second.reduce((a, b) => a + b, 0);
  expect(block.drain() === expected, 'drain() checksum is wrong after growth');
  expect(block.read(0, 4096).every(byte => byte === 0), 'drain() did not clear the block');
}
