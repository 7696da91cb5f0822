// Yamux stream multiplexer: decodes frames (a 12-byte header, then a payload) from the bytes a
// connection delivers.
export const HEADER_LENGTH = 12;

export interface FrameHeader {
  version: number;
  type: number;
  flag: number;
  streamID: number;
  length: number;
}

export interface Frame {
  header: FrameHeader;
  data?: Uint8Array;
}

export function decodeHeader(data: Uint8Array): FrameHeader {
  const view = new DataView(data.buffer, data.byteOffset, data.byteLength);
  return {
    version: view.getUint8(0),
    type: view.getUint8(1),
    flag: view.getUint16(2),
    streamID: view.getUint32(4),
    length: view.getUint32(8),
  };
}

export class Decoder {
  private buffer: Uint8Array = new Uint8Array(0);

  /** Feeds a chunk from the connection; yields every frame it completes. */
  *emitFrames(chunk: Uint8Array): Generator<Frame> {
    if (this.buffer.length === 0) this.buffer = chunk;
    else {
      const joined = new Uint8Array(this.buffer.length + chunk.length);
      joined.set(this.buffer);
      joined.set(chunk, this.buffer.length);
      this.buffer = joined;
    }
    let offset = 0;
    while (this.buffer.length - offset >= HEADER_LENGTH) {
      const header = decodeHeader(this.buffer.slice(offset, offset + HEADER_LENGTH)); // BUG
      const hasData = header.type === 0;
      const frameLength = HEADER_LENGTH + (hasData ? header.length : 0);
      if (this.buffer.length - offset < frameLength) break;
      yield hasData ? { header, data: this.buffer.subarray(offset + HEADER_LENGTH, offset + frameLength) } : { header };
      offset += frameLength;
    }
    this.buffer = this.buffer.subarray(offset);
  }
}
