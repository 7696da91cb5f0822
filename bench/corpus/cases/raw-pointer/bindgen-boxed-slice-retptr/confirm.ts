import { expect } from '../../../support/check.js';
import { instantiateHeap } from '../../../support/heap.js';
import type * as Impl from './fixed.js';

export default function confirm({ initSync, HugeData }: typeof Impl): void {
  const heap = instantiateHeap();
  // The compiled crate, played here over the real heap module: a shadow stack in the first page,
  // and the struct's data2 vector, whose last element the method boxes into a new allocation.
  let stackPointer = heap.malloc(4096) + 4096;
  const u32 = () => new Uint32Array(heap.memory.buffer);
  const i32 = () => new Int32Array(heap.memory.buffer);
  const LAST = (3 << 28) - 1;
  initSync({
    memory: heap.memory,
    __wbindgen_add_to_stack_pointer: delta => (stackPointer += delta),
    __wbindgen_free: (ptr, size) => heap.free(ptr),
    hugedata_new: () => {
      // data1 and data2 take about 3 GiB: everything allocated from now on sits above 2 GiB.
      heap.set_top(0xc000_0000);
      return heap.malloc(16);
    },
    hugedata_get_last_element_as_boxed_slice: (retptr, self) => {
      const boxed = heap.malloc(4);
      u32()[(boxed >>> 0) / 4] = LAST;
      i32()[retptr / 4] = boxed;
      i32()[retptr / 4 + 1] = 1;
    },
  });
  const slice = HugeData.new().get_last_element_as_boxed_slice();
  expect(slice.length === 1 && slice[0] === LAST, `the boxed slice came back as [${Array.from(slice).join(', ')}], [${LAST}] was expected`);
}
