// Zero-copy input to an AssemblyScript module through the loader: allocate the array in wasm, write
// into it through __getArrayView, and call an export that reads it. The view is taken after the
// allocation and used only up to a call that allocates nothing.
import type { ASModule } from '../../support/wasm-as-loader.js';

export function checksumOf(exports: ASModule, samples: Uint8Array): number {
  const { __newArray, __getArrayView, __pin, __unpin, Uint8Array_ID, checksum } = exports;
  const arr = __pin(__newArray(Uint8Array_ID, samples.length));
  const view = __getArrayView(arr);
  view.set(samples);
  const sum = checksum(arr);
  view.fill(0); // scrub the input before releasing it
  __unpin(arr);
  return sum;
}
