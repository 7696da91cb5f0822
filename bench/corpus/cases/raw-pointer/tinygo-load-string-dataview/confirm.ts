import { expect, pattern, sameBytes } from '../../../support/check.js';
import { instantiateHeap } from '../../../support/heap.js';
import type * as Impl from './fixed.js';

export default function confirm({ Go }: typeof Impl): void {
  const heap = instantiateHeap();
  const go = new Go();
  go._inst = { exports: { memory: heap.memory } };
  // Return slots and refs live on the goroutine stack, low in memory.
  const ret = heap.malloc(16);
  const dstRef = heap.malloc(4);
  // The Go program has built up a large heap: its data now lives above 2 GiB, and the i32
  // addresses it passes to the imports have the high bit set.
  heap.set_top(0x8000_7a60);
  const text = 'a long JSON document';
  const strPtr = heap.malloc(text.length);
  new Uint8Array(heap.memory.buffer).set(new TextEncoder().encode(text), strPtr >>> 0);
  try {
    go.importObject.gojs['syscall/js.stringVal'](ret, strPtr, text.length);
  } catch (error) {
    throw new Error(`stringVal threw for a string above 2 GiB: ${String(error)}`);
  }
  const ref = new DataView(heap.memory.buffer).getUint32(ret, true);
  expect(go._values[ref] === text, `stringVal stored ${JSON.stringify(go._values[ref])}`);

  const bytes = pattern(300);
  const srcPtr = heap.malloc(bytes.length);
  new Uint8Array(heap.memory.buffer).set(bytes, srcPtr >>> 0);
  const dst = new Uint8Array(bytes.length);
  go._values.push(dst);
  new DataView(heap.memory.buffer).setUint32(dstRef, go._values.length - 1, true);
  try {
    go.importObject.gojs['syscall/js.copyBytesToJS'](ret, dstRef, srcPtr, bytes.length);
  } catch (error) {
    throw new Error(`copyBytesToJS threw for a slice above 2 GiB: ${String(error)}`);
  }
  expect(sameBytes(dst, bytes), 'copyBytesToJS did not copy the slice');
}
