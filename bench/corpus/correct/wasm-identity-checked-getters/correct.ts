// Glue that stores byte strings in wasm memory with a table of (ptr, len) entries. Both memory views
// are cached and handed out by getters that re-create them when memory.buffer is no longer theirs.
import type { HeapExports } from '../../support/heap.js';

let wasm: HeapExports;
let cachegetUint8Memory: Uint8Array | null = null;
let cachegetDataView: DataView | null = null;

export function init(exports: HeapExports): void {
  wasm = exports;
  cachegetUint8Memory = null;
  cachegetDataView = null;
}

function getUint8Memory(): Uint8Array {
  if (cachegetUint8Memory === null || cachegetUint8Memory.buffer !== wasm.memory.buffer) {
    cachegetUint8Memory = new Uint8Array(wasm.memory.buffer);
  }
  return cachegetUint8Memory;
}

function getDataView(): DataView {
  if (cachegetDataView === null || cachegetDataView.buffer !== wasm.memory.buffer) {
    cachegetDataView = new DataView(wasm.memory.buffer);
  }
  return cachegetDataView;
}

/** Copies every part into wasm memory; returns the address of the entry table. */
export function storeAll(parts: readonly Uint8Array[]): number {
  const table = wasm.malloc(parts.length * 8);
  parts.forEach((part, i) => {
    const ptr = wasm.malloc(part.length);
    getUint8Memory().set(part, ptr);
    getDataView().setUint32(table + i * 8, ptr, true);
    getDataView().setUint32(table + i * 8 + 4, part.length, true);
  });
  return table;
}

/** A copy of entry `i` of a table made by storeAll. */
export function readEntry(table: number, i: number): Uint8Array {
  const view = getDataView();
  const ptr = view.getUint32(table + i * 8, true);
  const len = view.getUint32(table + i * 8 + 4, true);
  return getUint8Memory().slice(ptr, ptr + len);
}
