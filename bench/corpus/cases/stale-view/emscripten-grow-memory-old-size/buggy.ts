// The runtime's heap-resize step (Emscripten's $growMemory): grows the wasm memory to hold `size`
// bytes, re-creates the HEAP views and reports the resize to the memory profiler.
export interface MemoryProfiler {
  onMemoryResize(oldSize: number, newSize: number): void;
}

export function makeGrowMemory(wasmMemory: WebAssembly.Memory, updateMemoryViews: () => void, profiler: MemoryProfiler | undefined, err: (message: string) => void) {
  return function growMemory(size: number): 1 | undefined {
    const b = wasmMemory.buffer;
    const pages = ((size - b.byteLength + 65535) / 65536) | 0;
    try {
      wasmMemory.grow(pages);
      updateMemoryViews();
      if (profiler !== undefined) profiler.onMemoryResize(b.byteLength, size); // BUG
      return 1;
    } catch (e) {
      err(`growMemory: Attempted to grow heap from ${b.byteLength} bytes to ${size} bytes, but got error: ${String(e)}`);
    }
    return undefined;
  };
}
