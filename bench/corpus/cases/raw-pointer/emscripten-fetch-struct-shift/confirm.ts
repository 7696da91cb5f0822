import { expect } from '../../../support/check.js';
import { createModule } from '../../../support/emscripten.js';
import type * as Impl from './fixed.js';

export default function confirm({ fetchXHR }: typeof Impl): void {
  const Module = createModule();
  // The program's heap is past 2 GiB: the fetch struct and its URL are allocated up there.
  Module._set_top(0x8000_2000);
  const url = 'https://example.com/assets/level2.pak';
  const urlPtr = Module._malloc(url.length + 1) >>> 0;
  Module.HEAPU8.set(new TextEncoder().encode(url + '\0'), urlPtr);
  // In CAN_ADDRESS_2GB builds, pointers passed from wasm to JS library code arrive unsigned.
  const fetch = Module._malloc(200) >>> 0;
  Module.HEAPU8.fill(0, fetch, fetch + 200);
  Module.HEAPU32[(fetch + 8) / 4] = urlPtr;
  Module.HEAPU8.set(new TextEncoder().encode('POST\0'), fetch + 112);
  Module.HEAPU32[(fetch + 112 + 56) / 4] = 15000;
  let request: Impl.XhrRequest;
  try {
    request = fetchXHR(Module, fetch);
  } catch (error) {
    throw new Error(`fetchXHR threw for a fetch above 2 GiB: ${String(error)}`);
  }
  expect(request.url === url, `the XHR would open ${JSON.stringify(request.url)} instead of ${url}`);
  expect(request.timeout === 15000, `the XHR timeout is ${request.timeout}, 15000 was expected`);
  expect(request.method === 'POST', `the XHR method is ${request.method}, POST was expected`);
}
