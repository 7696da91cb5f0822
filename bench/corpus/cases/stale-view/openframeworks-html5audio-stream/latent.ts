import { expect } from '../../../support/check.js';
import { createModule } from '../../../support/emscripten.js';
import { GROWING_REQUEST } from '../../../support/heap.js';
import type * as Impl from './fixed.js';

const FRAMES = 512;

// The project's fix takes both views at the top of each callback, but reads the output view after
// the app's compiled callback has run. An app whose callback allocates (a std::vector that grows,
// a sample loaded on demand) grows the heap in there, and the output view is detached.
export default function latent({ html5audio_stream_create }: typeof Impl): void {
  const base = createModule();
  const inbuffer = base._malloc(FRAMES * 4);
  const outbuffer = base._malloc(FRAMES * 4);
  let calls = 0;
  const Module = Object.assign(base, {
    dynCall_viiii(_callback: number, bufferSize: number): void {
      if (calls++ === 1) base._malloc(GROWING_REQUEST);
      for (let i = 0; i < bufferSize; i++) base.HEAPF32[(outbuffer >> 2) + i] = base.HEAPF32[(inbuffer >> 2) + i] * 0.25;
    },
  });
  let node: Impl.ScriptProcessorLike | undefined;
  const context: Impl.AudioContextLike = {
    createScriptProcessor: () => (node = { onaudioprocess: null }),
  };
  html5audio_stream_create(Module, context, FRAMES, 1, 1, inbuffer, outbuffer, 1, 0);
  for (let callback = 0; callback < 3; callback++) {
    const input = new Float32Array(FRAMES).map((_, i) => ((callback + i) % 16) / 16);
    const output = new Float32Array(FRAMES);
    node!.onaudioprocess!({ inputBuffer: { getChannelData: () => input }, outputBuffer: { getChannelData: () => output } });
    for (let i = 0; i < FRAMES; i++) {
      expect(output[i] === input[i] * 0.25, `callback ${callback}: sample ${i} played ${output[i]} instead of ${input[i] * 0.25}`);
    }
  }
}
