// The capture side of an audio recorder: each block of microphone samples is copied into a
// Float32Array of its own, whose buffer is then moved to the encoder worker. The input block belongs
// to the audio graph (which reuses it for the next callback) and is never transferred.
export interface EncoderPort {
  postMessage(message: unknown, transfer: Transferable[]): void;
}

export class Recorder {
  private blocks = 0;

  constructor(private readonly encoder: EncoderPort) {}

  /** Called by the audio graph with the current block of channel data. */
  onAudioProcess(channelData: Float32Array): void {
    const samples = new Float32Array(channelData.length);
    samples.set(channelData);
    this.encoder.postMessage(['encode', samples], [samples.buffer]);
    this.blocks++;
  }

  stop(): number {
    this.encoder.postMessage(['dump'], []);
    return this.blocks;
  }
}
