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
    // Websocket payloads can start at an odd offset in their buffer: copy those to align them.
    const aligned = chunk.byteOffset % 2 === 0 ? chunk : Buffer.from(chunk);
    const samples = new Int16Array(aligned.buffer, aligned.byteOffset, aligned.length / 2);
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
