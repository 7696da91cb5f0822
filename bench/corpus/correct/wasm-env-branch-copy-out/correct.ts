// An inflate wrapper around a zlib build without Emscripten, used from Node and from browsers. The
// output is copied out of wasm memory on both paths: into a Buffer under Node, with slice() elsewhere.
import type { HeapExports } from '../../support/heap.js';

function isNode(): boolean {
  return typeof process !== 'undefined' && process.versions != null && process.versions.node != null;
}

export function inflate(wasm: HeapExports, input: Uint8Array): Uint8Array {
  const inPtr = wasm.malloc(input.length);
  new Uint8Array(wasm.memory.buffer).set(input, inPtr); // LATENT no-signed-wasm-pointer
  const outPtr = wasm.reverse(inPtr, input.length);
  const view = new Uint8Array(wasm.memory.buffer, outPtr, input.length); // LATENT no-signed-wasm-pointer
  let output: Uint8Array;
  if (isNode()) {
    output = Buffer.from(view);
  } else {
    output = view.slice();
  }
  wasm.free(outPtr);
  wasm.free(inPtr);
  return output;
}
