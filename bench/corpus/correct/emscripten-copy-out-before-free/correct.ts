// Reading a codec's output out of the wasm heap, in the style of loaders.gl's Draco parser: the
// output block is viewed, summed and copied out with slice() inside try, and freed in finally.
// Addresses are made unsigned where they arrive, for memories past 2 GiB.
import type { EmscriptenModule } from '../../support/emscripten.js';

export function reverseBytes(module: EmscriptenModule, input: Uint8Array): { bytes: Uint8Array; checksum: number } {
  const ptr = module._malloc(input.length) >>> 0;
  module.HEAPU8.set(input, ptr);
  const out = module._reverse(ptr, input.length) >>> 0;
  module._free(ptr);
  try {
    const view = module.HEAPU8.subarray(out, out + input.length);
    const checksum = view.reduce((sum, byte) => (sum + byte) >>> 0, 0);
    return { bytes: new Uint8Array(module.HEAPU8.buffer, out, view.length).slice(), checksum };
  } finally {
    module._free(out);
  }
}
