// openFrameworks' html5audio Emscripten library: a ScriptProcessor stream whose callback hands the
// app's compiled audio callback interleaved input and output buffers that live in the wasm heap.
export interface Html5AudioModule {
  HEAPF32: Float32Array;
  dynCall_viiii(callback: number, a: number, b: number, c: number, d: number): void;
}

interface ChannelBuffer {
  getChannelData(channel: number): Float32Array;
}

export interface ScriptProcessorLike {
  onaudioprocess: ((event: { inputBuffer: ChannelBuffer; outputBuffer: ChannelBuffer }) => void) | null;
}

export interface AudioContextLike {
  createScriptProcessor(bufferSize: number, inputChannels: number, outputChannels: number): ScriptProcessorLike;
}

export function html5audio_stream_create(Module: Html5AudioModule, context: AudioContextLike, bufferSize: number, inputChannels: number, outputChannels: number, inbuffer: number, outbuffer: number, callback: number, userData: number): ScriptProcessorLike {
  const stream = context.createScriptProcessor(bufferSize, inputChannels, outputChannels);
  stream.onaudioprocess = function (event) {
    // The heap may have been resized since the last callback: take the views afresh every time.
    const inbufferArray = Module.HEAPF32.subarray(inbuffer >> 2, (inbuffer >> 2) + bufferSize * inputChannels); // LATENT no-signed-wasm-pointer
    const outbufferArray = Module.HEAPF32.subarray(outbuffer >> 2, (outbuffer >> 2) + bufferSize * outputChannels); // LATENT no-signed-wasm-pointer
    for (let c = 0; c < inputChannels; ++c) {
      const inChannel = event.inputBuffer.getChannelData(c);
      for (let i = 0, j = c; i < bufferSize; ++i, j += inputChannels) {
        inbufferArray[j] = inChannel[i];
      }
    }
    Module.dynCall_viiii(callback, bufferSize, inputChannels, outputChannels, userData);
    for (let c = 0; c < outputChannels; ++c) {
      const outChannel = event.outputBuffer.getChannelData(c);
      for (let i = 0, j = c; i < bufferSize; ++i, j += outputChannels) {
        outChannel[i] = outbufferArray[j]; // LATENT no-stale-view
      }
    }
  };
  return stream;
}
