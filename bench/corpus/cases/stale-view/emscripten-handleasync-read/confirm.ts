import { expect, pattern, sameBytes } from '../../../support/check.js';
import { createModule } from '../../../support/emscripten.js';
import { GROWING_REQUEST } from '../../../support/heap.js';
import type * as Impl from './fixed.js';

export default async function confirm({ makeXRead }: typeof Impl): Promise<void> {
  const Module = createModule();
  // Emscripten's handleAsync: on the first suspension it allocates the Asyncify data buffer with
  // _malloc (which can grow the memory), then resumes the wasm call once the promise settles.
  let dataAllocated = false;
  const Asyncify: Impl.AsyncifyRuntime = {
    async handleAsync(startAsync) {
      const pending = startAsync();
      if (!dataAllocated) {
        Module._malloc(GROWING_REQUEST);
        dataAllocated = true;
      }
      return pending;
    },
  };
  const fileBytes = pattern(8192, 3);
  const file: Impl.AsyncFile = { read: async (offset, length) => fileBytes.slice(offset, offset + length) };
  const xRead = makeXRead(Module, Asyncify, new Map([[1, file]]));
  const pData = Module._malloc(4096);
  const rc = await xRead(1, pData, 4096, 4096);
  expect(rc === 0, `xRead returned ${rc}`);
  expect(sameBytes(Module.HEAPU8.subarray(pData, pData + 4096), fileBytes.subarray(4096)), 'the page SQLite reads at pData is not the file page');
}
