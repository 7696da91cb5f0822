// A WebSocket server connection: bytes read from the socket accumulate in one resizable
// ArrayBuffer; each complete frame is decoded and the bytes after it are moved to the front.
export class WebSocketConnection {
  readonly buffer = new ArrayBuffer(0, { maxByteLength: 1024 ** 2 });
  readonly messages: Uint8Array[] = [];

  /** Appends a chunk read from the socket and decodes every complete frame in the buffer. */
  write(chunk: Uint8Array): void {
    const offset = this.buffer.byteLength;
    this.buffer.resize(offset + chunk.length);
    new Uint8Array(this.buffer).set(chunk, offset);
    while (this.processFrame());
  }

  private processFrame(): boolean {
    const buf = new Uint8Array(this.buffer);
    const view = new DataView(this.buffer);
    if (buf.length < 2) return false;
    const masked = (buf[1] & 0x80) !== 0;
    let length = buf[1] & 0x7f;
    let idx = 2;
    if (length === 126) {
      length = view.getUint16(2);
      idx = 4;
    } else if (length === 127) {
      length = Number(view.getBigUint64(2));
      idx = 10;
    }
    const maskOffset = idx;
    if (masked) idx += 4;
    if (buf.length < idx + length) return false;
    const payload = buf.slice(idx, idx + length);
    if (masked) for (let i = 0; i < payload.length; i++) payload[i] ^= buf[maskOffset + (i % 4)];
    this.messages.push(payload);
    const data = buf.subarray(idx + length);
    this.buffer.resize(data.length);
    for (let i = 0; i < this.buffer.byteLength; i++) {
      view.setUint8(i, data.at(i)!); // BUG
    }
    return true;
  }
}
