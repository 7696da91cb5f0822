// An asynchronous VFS for a SQLite build with Asyncify: the xRead import fills SQLite's buffer at
// pData from a file whose read() is asynchronous, suspending the wasm call while it waits.
import type { EmscriptenModule } from '../../../support/emscripten.js';

export interface AsyncifyRuntime {
  handleAsync<T>(startAsync: () => Promise<T>): Promise<T>;
}

export interface AsyncFile {
  read(offset: number, length: number): Promise<Uint8Array>;
}

const SQLITE_OK = 0;
const SQLITE_IOERR_SHORT_READ = 522;

export function makeXRead(Module: EmscriptenModule, Asyncify: AsyncifyRuntime, files: Map<number, AsyncFile>) {
  return function xRead(fileId: number, pData: number, iAmt: number, iOffset: number): Promise<number> {
    return Asyncify.handleAsync(async () => {
      const data = await files.get(fileId)!.read(iOffset, iAmt);
      // Asyncify may have grown the memory while the call was suspended: view it after the await.
      const buffer = Module.HEAPU8.subarray(pData, pData + iAmt);
      buffer.set(data);
      if (data.length < iAmt) {
        buffer.fill(0, data.length);
        return SQLITE_IOERR_SHORT_READ;
      }
      return SQLITE_OK;
    });
  };
}
