import { expect } from '../../../support/check.js';
import { createModule } from '../../../support/emscripten.js';
import { GROWING_REQUEST } from '../../../support/heap.js';
import type * as Impl from './fixed.js';

export default function confirm({ ModuleMemory, QuickJSRuntime }: typeof Impl): void {
  const Module = createModule();
  const ctx = Module._malloc(64);
  // The compiled QTS_ExecutePendingJob: the job it runs allocates (a promise reaction builds a large
  // string), then the context pointer is stored through the out-parameter.
  const ffi: Impl.QuickJSFFI = {
    QTS_ExecutePendingJob(_rt, _max, ctxPtrOut) {
      const value = Module._malloc(GROWING_REQUEST);
      Module.HEAP32[ctxPtrOut >> 2] = ctx;
      return value;
    },
  };
  const runtime = new QuickJSRuntime(ffi, new ModuleMemory(Module), 1);
  const { ctxPtr } = runtime.executePendingJobs();
  expect(ctxPtr === ctx, `executePendingJobs read context pointer ${ctxPtr}, the job ran in context ${ctx}`);
}
