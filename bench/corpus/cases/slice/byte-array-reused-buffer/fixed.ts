// A Java-NIO-style ByteBuffer for building binary protocol packets (as the `byte` package offers).
export class ByteBuffer {
  private _bytes: Buffer;
  private _offset = 0;

  private constructor(size: number) {
    this._bytes = Buffer.alloc(size);
  }

  static allocate(size: number): ByteBuffer {
    return new ByteBuffer(size);
  }

  position(): number {
    return this._offset;
  }

  reset(): this {
    this._offset = 0;
    return this;
  }

  putInt(value: number): this {
    this._bytes.writeInt32BE(value, this._offset);
    this._offset += 4;
    return this;
  }

  putString(value: string): this {
    const length = Buffer.byteLength(value);
    this.putInt(length);
    this._bytes.write(value, this._offset);
    this._offset += length;
    return this;
  }

  /** The bytes written so far. */
  array(): Buffer {
    // Always copy: the ByteBuffer may be reset and written again.
    const bytes = Buffer.alloc(this._offset);
    this._bytes.copy(bytes, 0, 0, this._offset);
    return bytes;
  }
}

// An RPC client reuses one ByteBuffer to encode every request; encoded packets wait in a queue
// until the connection drains them.
const encoder = ByteBuffer.allocate(1024);

export function encodeRequest(id: number, method: string): Buffer {
  encoder.reset();
  encoder.putInt(id).putString(method);
  return encoder.array();
}
