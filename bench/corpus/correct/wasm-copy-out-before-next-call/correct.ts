// A colour-transform wrapper around a wasm build of a CMS library: the transformed pixels are copied
// out of wasm memory before the function returns, so callers may keep them across later transforms.
import type { HeapExports } from '../../support/heap.js';

const BYTES_PER_PIXEL = 4;

export function doTransform(wasm: HeapExports, input: Uint8Array, nPixels: number): Uint8Array {
  const size = nPixels * BYTES_PER_PIXEL;
  const inputPtr = wasm.malloc(size);
  new Uint8Array(wasm.memory.buffer, inputPtr, size).set(input.subarray(0, size)); // LATENT no-signed-wasm-pointer
  const outputPtr = wasm.reverse(inputPtr, size);
  const outputArr = new Uint8Array(wasm.memory.buffer, outputPtr, size); // LATENT no-signed-wasm-pointer
  const result = outputArr.slice();
  wasm.free(outputPtr);
  wasm.free(inputPtr);
  return result;
}
