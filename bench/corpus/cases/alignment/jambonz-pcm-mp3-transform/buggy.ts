// Call recording: a Transform stream that turns the 16-bit PCM audio arriving over a websocket
// into MP3 frames.
import { Transform, type TransformCallback, type TransformOptions } from 'node:stream';

export interface Mp3Encoder {
  encodeBuffer(samples: Int16Array): Int8Array;
  flush(): Int8Array;
}

export class PCMToMP3Encoder extends Transform {
  constructor(
    private readonly encoder: Mp3Encoder,
    options?: TransformOptions,
  ) {
    super(options);
  }

  override _transform(chunk: Buffer, _encoding: BufferEncoding, callback: TransformCallback): void {
    const samples = new Int16Array(chunk.buffer, chunk.byteOffset, chunk.length / 2); // BUG
    const mp3buf = this.encoder.encodeBuffer(samples);
    if (mp3buf.length > 0) this.push(Buffer.from(mp3buf.buffer, mp3buf.byteOffset, mp3buf.length));
    callback();
  }

  override _flush(callback: TransformCallback): void {
    const mp3buf = this.encoder.flush();
    if (mp3buf.length > 0) this.push(Buffer.from(mp3buf.buffer, mp3buf.byteOffset, mp3buf.length));
    callback();
  }
}
