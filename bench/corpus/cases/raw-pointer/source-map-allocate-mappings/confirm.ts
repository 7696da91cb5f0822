import { expect } from '../../../support/check.js';
import { instantiateHeap } from '../../../support/heap.js';
import type * as Impl from './fixed.js';

export default function confirm({ BasicSourceMapConsumer }: typeof Impl): void {
  const heap = instantiateHeap();
  // The parser's exports over the real heap: allocate_mappings keeps the size in a header word,
  // parse_mappings reads the buffer back (here: checks its byte sum) and returns a handle.
  const sums: number[] = [];
  const wasm = {
    exports: {
      memory: heap.memory,
      allocate_mappings: (size: number) => {
        const block = heap.malloc(size + 8);
        new Uint32Array(heap.memory.buffer)[(block >>> 0) / 4] = size;
        return block + 8;
      },
      parse_mappings: (ptr: number) => {
        const size = new Uint32Array(heap.memory.buffer)[((ptr >>> 0) - 8) / 4];
        sums.push(heap.sum_u8(ptr, size));
        return heap.malloc(64);
      },
      free_mappings: (ptr: number) => heap.free(ptr),
    },
  };
  const mappings = ';;AAAA,SAASA,EAAE,CAAC;AAChB,OAAO,CAAC,GAAG,CAAC';
  const expected = Array.from(mappings, c => c.charCodeAt(0)).reduce((a, b) => a + b, 0);
  // Many consumers later, wasm memory has grown past 2 GiB.
  heap.set_top(0x8000_1000);
  const consumer = new BasicSourceMapConsumer(wasm, mappings);
  try {
    expect(consumer.parsedMappings !== 0, 'no mappings handle');
  } catch (error) {
    throw new Error(`parsing mappings allocated above 2 GiB failed: ${String(error)}`);
  }
  expect(sums[0] === expected, `the parser read bytes summing to ${sums[0]}, ${expected} was expected`);
  consumer.destroy();
}
