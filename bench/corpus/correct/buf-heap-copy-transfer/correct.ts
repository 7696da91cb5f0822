// The worker half of an Emscripten-built Ogg Vorbis decoder (stbvorbis.js): once the decoder has left
// each channel's samples in the wasm heap, the glue copies them into JS Float32Arrays, frees the heap
// blocks and posts the copies, transferring their buffers so the main thread gets them for free.
import type { EmscriptenModule } from '../../support/emscripten.js';

interface ReplyPort {
  postMessage(message: unknown, transfer: Transferable[]): void;
}

export interface DecodeResult {
  id: number;
  sampleRate: number;
  data: Float32Array<ArrayBuffer>[];
}

export function postDecodedChannels(Module: EmscriptenModule, port: ReplyPort, id: number, sampleRate: number, channelPtrs: number[], length: number): void {
  const data: Float32Array<ArrayBuffer>[] = [];
  for (const ptr of channelPtrs) {
    const start = ptr >> 2;
    const channel = new Float32Array(Module.HEAPF32.subarray(start, start + length));
    data.push(channel);
    Module._free(ptr);
  }
  const result: DecodeResult = { id, sampleRate, data };
  port.postMessage(result, result.data.map(array => array.buffer));
}
