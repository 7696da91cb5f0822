// A JS runtime embedded as an Emscripten module (quickjs-emscripten style): out-parameters are
// small arrays allocated in the wasm heap and read back after the FFI call fills them.
import type { EmscriptenModule } from '../../../support/emscripten.js';

export interface QuickJSFFI {
  /** Runs pending jobs; writes the context of the last job to *ctxPtrOut and returns a value pointer. */
  QTS_ExecutePendingJob(rt: number, maxJobsToExecute: number, ctxPtrOut: number): number;
}

/** A view over the heap that is re-created when the heap's buffer has changed (memory growth). */
class RefreshableTypedArray {
  private view: Int32Array;

  constructor(private readonly module: EmscriptenModule, private readonly ptr: number, private readonly length: number) {
    this.view = new Int32Array(module.HEAPU8.buffer, ptr, length);
  }

  get typedArray(): Int32Array {
    if (this.view.buffer !== this.module.HEAPU8.buffer) this.view = new Int32Array(this.module.HEAPU8.buffer, this.ptr, this.length);
    return this.view;
  }
}

export class ModuleMemory {
  constructor(public readonly module: EmscriptenModule) {}

  newMutablePointerArray(length: number): { readonly typedArray: Int32Array; ptr: number; dispose(): void } {
    const zeros = new Int32Array(new Array(length).fill(0));
    const numBytes = zeros.length * zeros.BYTES_PER_ELEMENT;
    const ptr = this.module._malloc(numBytes);
    const refreshable = new RefreshableTypedArray(this.module, ptr, length);
    refreshable.typedArray.set(zeros);
    return {
      get typedArray() {
        return refreshable.typedArray;
      },
      ptr,
      dispose: () => this.module._free(ptr),
    };
  }
}

export class QuickJSRuntime {
  constructor(private readonly ffi: QuickJSFFI, private readonly memory: ModuleMemory, private readonly rt: number) {}

  /** Returns the value pointer of the last job and the context it ran in. */
  executePendingJobs(maxJobsToExecute = -1): { valuePtr: number; ctxPtr: number } {
    const ctxPtrOut = this.memory.newMutablePointerArray(1);
    const valuePtr = this.ffi.QTS_ExecutePendingJob(this.rt, maxJobsToExecute, ctxPtrOut.ptr);
    const ctxPtr = ctxPtrOut.typedArray[0];
    ctxPtrOut.dispose();
    return { valuePtr, ctxPtr };
  }
}
