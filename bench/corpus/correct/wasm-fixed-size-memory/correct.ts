// A tiny inlined checksum module, built without memory growth: its memory is created here with
// maximum === initial, imported by the module, and never exported, so nothing can ever grow it and
// the heap view made at load time stays valid for good.
const WASM =
  'AGFzbQEAAAABBwFgAn9/AX8CEAEDZW52Bm1lbW9yeQIBAgIDAgEABwoBBnN1bV91OAAACi8BLQECfyAAIAFqIQMCQANAIAAgA08NASACIAAtAABqIQIgAEEBaiEADAALCyACCw==';

const PAGES = 2;
const memory = new WebAssembly.Memory({ initial: PAGES, maximum: PAGES });
const HEAPU8 = new Uint8Array(memory.buffer);
const instance = new WebAssembly.Instance(new WebAssembly.Module(Uint8Array.from(atob(WASM), c => c.charCodeAt(0))), {
  env: { memory },
});
const sumU8 = instance.exports.sum_u8 as (ptr: number, n: number) => number;

const CHUNK = HEAPU8.length;

export function checksum(data: Uint8Array): number {
  let total = 0;
  for (let offset = 0; offset < data.length; offset += CHUNK) {
    const chunk = data.subarray(offset, offset + CHUNK);
    HEAPU8.set(chunk, 0);
    total += sumU8(0, chunk.length);
  }
  return total;
}
