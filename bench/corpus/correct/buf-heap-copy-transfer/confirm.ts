import { createModule } from '../../support/emscripten.js';
import { expect } from '../../support/check.js';
import type * as Impl from './correct.js';

export default async function confirm({ postDecodedChannels }: typeof Impl): Promise<void> {
  const Module = createModule();
  const length = 1000;
  const ptrs = [0, 1].map(channel => {
    const ptr = Module._malloc(length * 4);
    for (let i = 0; i < length; i++) Module.HEAPF32[(ptr >> 2) + i] = (channel === 0 ? 1 : -1) * i / length;
    return ptr;
  });
  const { port1, port2 } = new MessageChannel();
  try {
    const received = new Promise<Impl.DecodeResult>(resolve => {
      port2.onmessage = event => resolve(event.data as Impl.DecodeResult);
    });
    postDecodedChannels(Module, port1, 3, 44100, ptrs, length);
    const result = await received;
    expect(result.data.length === 2 && result.data.every(channel => channel.length === length), 'the channels arrived with the wrong length');
    expect(result.data.every(channel => channel.buffer.byteLength === length * 4), 'the main thread received more than the channels\' samples (a copy of the wasm heap)');
    expect(result.data[0]![500] === 0.5 && result.data[1]![250] === -0.25, 'the posted samples are wrong');
    expect(Module.HEAPF32.length > 0 && Module.wasmMemory.buffer.byteLength > 0, 'the wasm heap was detached by the transfer');
    const again = Module._malloc(16);
    Module.HEAPF32[again >> 2] = 1.5;
    expect(Module.HEAPF32[again >> 2] === 1.5, 'the heap is unusable after posting');
  } finally {
    port1.close();
    port2.close();
  }
}
