// A streaming binary reader: socket chunks are written in, typed values and byte runs are read out.
// Its storage is reused: unread bytes are moved to the front before a new chunk is appended.
export class Reader {
  private _buffer = Buffer.alloc(64);
  private _offset = 0;
  private _end = 0;

  write(chunk: Buffer): void {
    const unread = this._end - this._offset;
    if (unread + chunk.length > this._buffer.length) {
      const bigger = Buffer.alloc(Math.max(unread + chunk.length, this._buffer.length * 2));
      this._buffer.copy(bigger, 0, this._offset, this._end);
      this._buffer = bigger;
    } else if (this._offset > 0) {
      this._buffer.copy(this._buffer, 0, this._offset, this._end);
    }
    chunk.copy(this._buffer, unread);
    this._offset = 0;
    this._end = unread + chunk.length;
  }

  bytesAhead(): number {
    return this._end - this._offset;
  }

  uint32(peek = false): number {
    const value = this._buffer.readUInt32BE(this._offset);
    if (!peek) this._offset += 4;
    return value;
  }

  buffer(length: number): Buffer {
    // Copy: the storage is compacted and refilled by later writes.
    const value = Buffer.alloc(length);
    this._buffer.copy(value, 0, this._offset, this._offset + length);
    this._offset += length;
    return value;
  }
}

/** Splits a stream of [length: u32][frame bytes] records into frames. */
export class FrameParser {
  private readonly reader = new Reader();
  readonly frames: Buffer[] = [];

  push(chunk: Buffer): void {
    this.reader.write(chunk);
    while (this.reader.bytesAhead() >= 4) {
      const length = this.reader.uint32(true);
      if (this.reader.bytesAhead() < 4 + length) return;
      this.reader.uint32();
      this.frames.push(this.reader.buffer(length));
    }
  }
}
