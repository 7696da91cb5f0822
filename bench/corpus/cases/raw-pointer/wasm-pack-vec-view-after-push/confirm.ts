import { expect, sameBytes } from '../../../support/check.js';
import { instantiateHeap } from '../../../support/heap.js';
import type * as Impl from './fixed.js';

export default function confirm({ initSync, SampleHistory }: typeof Impl): void {
  const heap = instantiateHeap();
  // The crate's Vec<u8>, played over the real heap module: a (ptr, cap, len) header, and push()
  // doubling the capacity with realloc, which moves the bytes to a new block.
  const header = (self: number) => new Uint32Array(heap.memory.buffer, self, 3);
  initSync({
    memory: heap.memory,
    samples_new: () => {
      const self = heap.malloc(12);
      header(self).set([heap.malloc(8), 8, 0]);
      return self;
    },
    samples_offset: self => header(self)[0],
    samples_len: self => header(self)[2],
    samples_push: (self, n) => {
      let [ptr, cap, len] = header(self);
      if (len === cap) {
        ptr = heap.realloc(ptr, cap, cap * 2);
        cap *= 2;
      }
      new Uint8Array(heap.memory.buffer)[ptr + len] = n;
      header(self).set([ptr, cap, len + 1]);
    },
  });
  const history = new SampleHistory();
  const recorded: number[] = [];
  for (let i = 0; i < 40; i++) {
    const value = (i * 7) & 0xff;
    history.record(value);
    recorded.push(value);
  }
  const values = history.values();
  expect(sameBytes(values, recorded), `the chart read [${Array.from(values).slice(0, 8).join(', ')}${values.length > 8 ? ', …' : ''}] (${values.length} samples), the ${recorded.length} recorded samples were expected`);
}
