// A text filter compiled with Emscripten: the string goes in through the heap, the filtered bytes come
// back as a pointer, and the glue decodes them through HEAPU8.subarray right after the call.
import type { EmscriptenModule } from '../../support/emscripten.js';

const encoder = new TextEncoder();
const decoder = new TextDecoder();

export function mirrorText(Module: EmscriptenModule, text: string): string {
  const bytes = encoder.encode(text);
  const ptr = Module._malloc(bytes.length);
  Module.HEAPU8.set(bytes, ptr); // LATENT no-signed-wasm-pointer
  const out = Module._reverse(ptr, bytes.length);
  const mirrored = decoder.decode(Module.HEAPU8.subarray(out, out + bytes.length)); // LATENT no-signed-wasm-pointer
  Module._free(out);
  Module._free(ptr);
  return mirrored;
}
