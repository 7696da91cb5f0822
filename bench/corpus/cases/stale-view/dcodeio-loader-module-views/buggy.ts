// A minimal loader for C modules compiled to wasm: it keeps module-wide views over the memory and
// uses them to pass strings in and out of the module.
import { instantiateHeap, type HeapExports } from '../../../support/heap.js';

let exports: HeapExports;
let U8: Uint8Array;

function updateViews(): void {
  U8 = new Uint8Array(exports.memory.buffer);
}

export function load(): void {
  exports = instantiateHeap();
  updateViews();
}

/** Copies a string into the module, runs its `reverse` export over it and reads the result back. */
export function reverseString(text: string): string {
  const bytes = Buffer.from(text, 'latin1');
  const ptr = exports.malloc(bytes.length);
  U8.set(bytes, ptr); // BUG
  const out = exports.reverse(ptr, bytes.length);
  return Buffer.from(U8.subarray(out, out + bytes.length)).toString('latin1'); // BUG
}
