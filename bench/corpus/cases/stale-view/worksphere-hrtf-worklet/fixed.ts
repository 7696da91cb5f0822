// An AudioWorklet processor (registered with registerProcessor) that runs an HRTF spatializer compiled
// to wasm. In the direct-instantiation path it wraps the instance's exports in an Emscripten-like
// handle; the render export writes each spatialized block into a fresh output block.
import type { HeapExports } from '../../../support/heap.js';

interface HrtfWasm {
  HEAPF32: Float32Array;
  memory: WebAssembly.Memory;
  _malloc(size: number): number;
  _render(inputPtr: number, byteLength: number): number;
}

export class SpatialAudioProcessor {
  private wasm: HrtfWasm | null = null;
  private heapSize = 0;
  private inputHeapPtr = 0;

  /** Direct-instantiation path: the processor received the instance's exports from the main thread. */
  initWasm(exports: HeapExports, blockFrames: number): void {
    this.wasm = {
      HEAPF32: new Float32Array(exports.memory.buffer),
      memory: exports.memory,
      _malloc: size => exports.malloc(size),
      _render: (inputPtr, byteLength) => exports.reverse(inputPtr, byteLength),
    };
    this.allocateHeap(blockFrames * Float32Array.BYTES_PER_ELEMENT);
  }

  private allocateHeap(byteSize: number): void {
    const wasmModule = this.wasm!;
    this.heapSize = byteSize;
    this.inputHeapPtr = wasmModule._malloc(byteSize);
    if (this.inputHeapPtr % 16 !== 0) throw new Error('input block is not 16-byte aligned for SIMD');
    this.refreshHeapView();
  }

  /** The allocations may have grown the memory: re-create the view whenever its buffer changed. */
  private refreshHeapView(): Float32Array {
    const wasmModule = this.wasm!;
    if (wasmModule.HEAPF32.buffer !== wasmModule.memory.buffer) wasmModule.HEAPF32 = new Float32Array(wasmModule.memory.buffer);
    return wasmModule.HEAPF32;
  }

  process(inputs: Float32Array[][], outputs: Float32Array[][]): boolean {
    const input = inputs[0]?.[0];
    const output = outputs[0];
    if (this.wasm === null || input === undefined || output === undefined) return true;
    if (input.byteLength > this.heapSize) return true;
    this.refreshHeapView().set(input, this.inputHeapPtr >> 2); // LATENT no-signed-wasm-pointer
    const outputPtr = this.wasm._render(this.inputHeapPtr, input.byteLength);
    const rendered = this.refreshHeapView().subarray(outputPtr >> 2, (outputPtr >> 2) + input.length); // LATENT no-signed-wasm-pointer
    for (const channel of output) channel.set(rendered);
    return true;
  }
}
