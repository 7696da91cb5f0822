import { expect } from '../../support/check.js';
import { instantiateHeap } from '../../support/heap.js';
import { bindgenExports } from '../../support/wasm-bindgen-exports.js';
import type * as Impl from './correct.js';

function expected(s: string): string {
  return new TextDecoder().decode(new TextEncoder().encode(s).reverse());
}

export default function confirm({ initSync, mirror }: typeof Impl): void {
  const exports = bindgenExports(instantiateHeap());
  initSync(exports);
  const ascii = 'wasm-bindgen '.repeat(50);
  const mixed = 'naïve café, ' + 'x'.repeat(40);
  expect(mirror(ascii) === expected(ascii), 'an ASCII string came back wrong below 2 GiB');
  expect(mirror(mixed) === expected(mixed), 'a non-ASCII string came back wrong below 2 GiB');
  // A program that has allocated 2 GiB: the next blocks lie above it.
  exports.set_top(2 ** 31 + 64);
  expect(exports.__wbindgen_malloc(8, 1) < 0, 'allocations are not above 2 GiB: the check proves nothing');
  expect(mirror(ascii) === expected(ascii), 'an ASCII string came back wrong above 2 GiB');
  expect(mirror(mixed) === expected(mixed), 'a non-ASCII string came back wrong above 2 GiB');
}
