// Decodes a compressed field with a C codec built by Emscripten: the decoder writes its floats into a
// block it allocates, and the glue views that block through HEAPF32's buffer once the call returned.
import type { EmscriptenModule } from '../../support/emscripten.js';

export function decodeField(Module: EmscriptenModule, compressed: Uint8Array, count: number): Float32Array {
  const inPtr = Module._malloc(compressed.length);
  Module.HEAPU8.set(compressed, inPtr); // LATENT no-signed-wasm-pointer
  // The decoder allocates its output, so the heap may have grown while it ran.
  const outPtr = Module._reverse(inPtr, count * 4);
  const field = new Float32Array(Module.HEAPF32.buffer, outPtr, count); // LATENT no-signed-wasm-pointer
  const result = field.slice();
  Module._free(outPtr);
  Module._free(inPtr);
  return result;
}
