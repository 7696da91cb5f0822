// A compact binary serializer in the style of Sia: one class both writes and reads, over a Uint8Array
// that may be the caller's own subarray (a WebSocket frame's payload, a slot of a shared arena). Its
// DataView is built over exactly that array's bytes.
export class Sia {
  public offset = 0;
  private readonly dataView: DataView;

  constructor(public readonly content: Uint8Array = new Uint8Array(32 * 1024)) {
    this.dataView = new DataView(content.buffer, content.byteOffset, content.byteLength);
  }

  seek(offset: number): this {
    this.offset = offset;
    return this;
  }

  addUInt8(n: number): this {
    this.dataView.setUint8(this.offset, n);
    this.offset += 1;
    return this;
  }

  addUInt16(n: number): this {
    this.dataView.setUint16(this.offset, n, true);
    this.offset += 2;
    return this;
  }

  addUInt32(n: number): this {
    this.dataView.setUint32(this.offset, n, true);
    this.offset += 4;
    return this;
  }

  addString8(text: string): this {
    const { written } = new TextEncoder().encodeInto(text, this.content.subarray(this.offset + 1));
    this.addUInt8(written);
    this.offset += written;
    return this;
  }

  readUInt8(): number {
    return this.dataView.getUint8(this.offset++);
  }

  readUInt16(): number {
    const value = this.dataView.getUint16(this.offset, true);
    this.offset += 2;
    return value;
  }

  readUInt32(): number {
    const value = this.dataView.getUint32(this.offset, true);
    this.offset += 4;
    return value;
  }

  readString8(): string {
    const length = this.readUInt8();
    const text = new TextDecoder().decode(this.content.subarray(this.offset, this.offset + length));
    this.offset += length;
    return text;
  }

  toUint8Array(): Uint8Array {
    return this.content.subarray(0, this.offset);
  }
}
