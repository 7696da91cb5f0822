// Emscripten's Fetch library, JS side (abridged): C passes a pointer to an emscripten_fetch_t and
// the library reads the request's fields out of the wasm heap to start the XHR. Built with
// MAXIMUM_MEMORY=4GB, so pointers reach this code as unsigned numbers.
import type { EmscriptenModule } from '../../../support/emscripten.js';

// Field offsets in emscripten_fetch_t (wasm32).
const C_STRUCTS = {
  emscripten_fetch_t: { id: 0, userData: 4, url: 8, __attributes: 112 },
  emscripten_fetch_attr_t: { requestMethod: 0, timeoutMSecs: 56, withCredentials: 60 },
};

export interface XhrRequest {
  method: string;
  url: string;
  timeout: number;
  withCredentials: boolean;
}

function UTF8ToString(Module: EmscriptenModule, ptr: number): string {
  if (!ptr) return '';
  const heap = Module.HEAPU8;
  let end = ptr;
  while (heap[end]) end++;
  return new TextDecoder().decode(heap.subarray(ptr, end));
}

export function fetchXHR(Module: EmscriptenModule, fetch: number): XhrRequest {
  // Addresses may be 2 GiB or more: shift them unsigned, a signed shift turns them negative.
  const url = Module.HEAPU32[(fetch + C_STRUCTS.emscripten_fetch_t.url) >>> 2];
  const fetch_attr = fetch + C_STRUCTS.emscripten_fetch_t.__attributes;
  const requestMethod = UTF8ToString(Module, fetch_attr + C_STRUCTS.emscripten_fetch_attr_t.requestMethod);
  const timeoutMsecs = Module.HEAPU32[(fetch_attr + C_STRUCTS.emscripten_fetch_attr_t.timeoutMSecs) >>> 2];
  const withCredentials = !!Module.HEAPU8[fetch_attr + C_STRUCTS.emscripten_fetch_attr_t.withCredentials];
  const urlString = UTF8ToString(Module, url);
  return { method: requestMethod || 'GET', url: urlString, timeout: timeoutMsecs, withCredentials };
}
