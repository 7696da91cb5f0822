import { Misbehaviour, expect } from '../../../support/check.js';
import { createModule } from '../../../support/emscripten.js';
import { GROWING_REQUEST, placeAbove2GiB } from '../../../support/heap.js';
import type * as Impl from './fixed.js';

const FRAMES = 512;

type Scenario = (impl: typeof Impl, grow: boolean) => void;

// The fixed file holds two latent bugs, and this check fails only when both show, so that neither
// marked line stands on the other's evidence.
// - The project's fix takes both views at the top of each callback, but reads the output view
//   after the app's compiled callback has run. An app whose callback allocates (a std::vector that
//   grows, a sample loaded on demand) grows the heap in there, and the output view is detached.
// - The views are taken with `inbuffer >> 2`: for buffers above 2 GiB (a build that can address
//   4 GiB hands them over unsigned) the index is negative, and `subarray` counts from the end.
export default function latent(impl: typeof Impl): void {
  const shown = [misbehaviour(playThrough, impl, true), misbehaviour(playAbove2GiB, impl, false)];
  if (shown.every(message => message !== undefined)) throw new Misbehaviour(shown.join('; '));
}

function misbehaviour(scenario: Scenario, impl: typeof Impl, grow: boolean): string | undefined {
  try {
    scenario(impl, grow);
    return undefined;
  } catch (error) {
    if (error instanceof Misbehaviour) return error.message;
    throw error;
  }
}

const playThrough: Scenario = ({ html5audio_stream_create }, grow) => {
  const base = createModule();
  play(html5audio_stream_create, base, base._malloc(FRAMES * 4), base._malloc(FRAMES * 4), grow);
};

const playAbove2GiB: Scenario = ({ html5audio_stream_create }, grow) => {
  const base = createModule();
  if (!placeAbove2GiB(base._set_top, base.wasmMemory)) return;
  play(html5audio_stream_create, base, base._malloc(FRAMES * 4) >>> 0, base._malloc(FRAMES * 4) >>> 0, grow);
};

function play(create: typeof Impl.html5audio_stream_create, base: ReturnType<typeof createModule>, inbuffer: number, outbuffer: number, grow: boolean): void {
  let calls = 0;
  const Module = Object.assign(base, {
    dynCall_viiii(_callback: number, bufferSize: number): void {
      if (grow && calls++ === 1) base._malloc(GROWING_REQUEST);
      for (let i = 0; i < bufferSize; i++) base.HEAPF32[(outbuffer >>> 2) + i] = base.HEAPF32[(inbuffer >>> 2) + i]! * 0.25;
    },
  });
  let node: Impl.ScriptProcessorLike | undefined;
  const context: Impl.AudioContextLike = {
    createScriptProcessor: () => (node = { onaudioprocess: null }),
  };
  create(Module, context, FRAMES, 1, 1, inbuffer, outbuffer, 1, 0);
  for (let callback = 0; callback < 3; callback++) {
    const input = new Float32Array(FRAMES).map((_, i) => ((callback + i) % 16) / 16);
    const output = new Float32Array(FRAMES);
    node!.onaudioprocess!({ inputBuffer: { getChannelData: () => input }, outputBuffer: { getChannelData: () => output } });
    for (let i = 0; i < FRAMES; i++) {
      expect(output[i] === input[i]! * 0.25, `callback ${callback}${inbuffer > 0x7fff_ffff ? ', buffers above 2 GiB' : ''}: sample ${i} played ${output[i]} instead of ${input[i]! * 0.25}`);
    }
  }
}
