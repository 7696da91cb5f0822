import { expect } from '../../../support/check.js';
import { createModule, type EmscriptenModule } from '../../../support/emscripten.js';
import { GROWING_REQUEST } from '../../../support/heap.js';
import type * as Impl from './fixed.js';

const CHANNELS = 2;
const FRAMES = 256;

function audioBuffer(channels: Float32Array[]) {
  return { numberOfChannels: channels.length, getChannelData: (c: number) => channels[c] };
}

export default function confirm({ createDuplexDevice }: typeof Impl): void {
  const base: EmscriptenModule = createModule();
  let callbacks = 0;
  // The compiled side of the device: capture hands the frames to the app, whose data callback
  // writes the playback frames (input at half gain) back into the same intermediary buffer. On the
  // third callback the app first allocates a large decode buffer, which grows the heap.
  let captured = new Float32Array(0);
  const Module = Object.assign(base, {
    _ma_device_process_pcm_frames_capture__webaudio(_pDevice: number, frameCount: number, pFrames: number): void {
      captured = base.HEAPF32.slice(pFrames >> 2, (pFrames >> 2) + frameCount * CHANNELS);
    },
    _ma_device_process_pcm_frames_playback__webaudio(_pDevice: number, frameCount: number, pFrames: number): void {
      if (++callbacks === 3) base._malloc(GROWING_REQUEST);
      for (let i = 0; i < frameCount * CHANNELS; i++) base.HEAPF32[(pFrames >> 2) + i] = captured[i] * 0.5;
    },
  });
  const pIntermediaryBuffer = Module._malloc(FRAMES * CHANNELS * 4);
  const node: Parameters<typeof createDuplexDevice>[1] = { onaudioprocess: null };
  createDuplexDevice(Module, node, CHANNELS, FRAMES, pIntermediaryBuffer, 0);
  for (let quantum = 0; quantum < 5; quantum++) {
    const input = [new Float32Array(FRAMES), new Float32Array(FRAMES)];
    for (let c = 0; c < CHANNELS; c++) for (let i = 0; i < FRAMES; i++) input[c][i] = ((quantum * 7 + c * 3 + i) % 32) / 32;
    const output = [new Float32Array(FRAMES), new Float32Array(FRAMES)];
    node.onaudioprocess!({ inputBuffer: audioBuffer(input), outputBuffer: audioBuffer(output) });
    for (let c = 0; c < CHANNELS; c++) {
      for (let i = 0; i < FRAMES; i++) {
        expect(output[c][i] === input[c][i] * 0.5, `callback ${quantum}, channel ${c}: played ${output[c][i]} instead of ${input[c][i] * 0.5}`);
      }
    }
  }
}
