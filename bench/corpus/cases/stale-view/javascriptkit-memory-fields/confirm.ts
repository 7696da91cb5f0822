import { expect } from '../../../support/check.js';
import { instantiateHeap } from '../../../support/heap.js';
import type * as Impl from './fixed.js';

export default function confirm({ Memory, makeImports }: typeof Impl): void {
  const exports = instantiateHeap();
  const memory = new Memory(exports as unknown as WebAssembly.Exports);
  const imports = makeImports(memory);
  // What Swift's String(jsString) does: encode (getting the length and a ref to the bytes), allocate
  // that many bytes in wasm memory, then load them.
  const text = 'JavaScriptKit '.repeat(6000);
  const stringRef = memory.retain(text);
  const bytesRefPtr = exports.malloc(4);
  const length = imports.swjs_encode_string(stringRef, bytesRefPtr);
  const bytesRef = new DataView(exports.memory.buffer).getUint32(bytesRefPtr, true);
  const buffer = exports.malloc(length);
  imports.swjs_load_string(bytesRef, buffer);
  const loaded = Buffer.from(new Uint8Array(exports.memory.buffer, buffer, length)).toString('utf8');
  expect(loaded === text, 'the string Swift loaded is not the JS string');
}
