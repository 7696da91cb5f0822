// miniaudio's Web Audio backend, ScriptProcessorNode path (from its EM_ASM block), for a duplex
// device: the device object keeps a Float32Array over the interleaved intermediary buffer in the
// wasm heap; the callback fills it with captured frames, runs the device, and plays what it wrote.
export interface MiniaudioModule {
  HEAPF32: Float32Array;
  _ma_device_process_pcm_frames_capture__webaudio(pDevice: number, frameCount: number, pFrames: number): void;
  _ma_device_process_pcm_frames_playback__webaudio(pDevice: number, frameCount: number, pFrames: number): void;
}

export interface AudioBufferLike {
  readonly numberOfChannels: number;
  getChannelData(channel: number): Float32Array;
}

export interface ScriptNodeLike {
  onaudioprocess: ((e: { inputBuffer: AudioBufferLike; outputBuffer: AudioBufferLike }) => void) | null;
}

export interface WebAudioDevice {
  scriptNode: ScriptNodeLike;
  intermediaryBufferView: Float32Array | null;
}

export function createDuplexDevice(Module: MiniaudioModule, scriptNode: ScriptNodeLike, channels: number, bufferSize: number, pIntermediaryBuffer: number, pDevice: number): WebAudioDevice {
  const device: WebAudioDevice = { scriptNode, intermediaryBufferView: null };
  device.scriptNode.onaudioprocess = function (e) {
    if (device.intermediaryBufferView == null || device.intermediaryBufferView.length == 0) {
      device.intermediaryBufferView = new Float32Array(Module.HEAPF32.buffer, pIntermediaryBuffer, bufferSize * channels);
    }
    for (let iChannel = 0; iChannel < channels; iChannel += 1) {
      const inputBuffer = e.inputBuffer.getChannelData(iChannel);
      const intermediaryBuffer = device.intermediaryBufferView;
      for (let iFrame = 0; iFrame < bufferSize; iFrame += 1) {
        intermediaryBuffer[iFrame * channels + iChannel] = inputBuffer[iFrame];
      }
    }
    Module._ma_device_process_pcm_frames_capture__webaudio(pDevice, bufferSize, pIntermediaryBuffer);
    Module._ma_device_process_pcm_frames_playback__webaudio(pDevice, bufferSize, pIntermediaryBuffer);
    for (let iChannel = 0; iChannel < e.outputBuffer.numberOfChannels; ++iChannel) {
      const outputBuffer = e.outputBuffer.getChannelData(iChannel);
      const intermediaryBuffer = device.intermediaryBufferView;
      for (let iFrame = 0; iFrame < bufferSize; iFrame += 1) {
        outputBuffer[iFrame] = intermediaryBuffer[iFrame * channels + iChannel]; // BUG
      }
    }
  };
  return device;
}
