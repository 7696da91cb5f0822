// The runtime's heap-resize step (Emscripten's $growMemory): grows the wasm memory to hold `size`
// bytes, re-creates the HEAP views and reports the resize to the memory profiler.
export interface MemoryProfiler {
  onMemoryResize(oldSize: number, newSize: number): void;
}

export function makeGrowMemory(wasmMemory: WebAssembly.Memory, updateMemoryViews: () => void, profiler: MemoryProfiler | undefined, err: (message: string) => void) {
  return function growMemory(size: number): 1 | undefined {
    // grow() detaches the old buffer: read its size before growing.
    const oldHeapSize = wasmMemory.buffer.byteLength;
    const pages = ((size - oldHeapSize + 65535) / 65536) | 0;
    try {
      wasmMemory.grow(pages);
      updateMemoryViews();
      if (profiler !== undefined) profiler.onMemoryResize(oldHeapSize, size);
      return 1;
    } catch (e) {
      err(`growMemory: Attempted to grow heap from ${oldHeapSize} bytes to ${size} bytes, but got error: ${String(e)}`);
    }
    return undefined;
  };
}
