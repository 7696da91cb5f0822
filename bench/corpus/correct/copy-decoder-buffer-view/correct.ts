// A Kafka protocol response decoder in the style of kafkajs's Decoder: it walks one received Buffer
// and hands out the bytes fields and the unread remainder as Buffer#slice views, so decoding a large
// fetch response copies nothing. The response Buffer is never written after it arrives.
export class Decoder {
  private offset = 0;

  constructor(private readonly buffer: Buffer) {}

  canRead(length: number): boolean {
    return this.buffer.length - this.offset >= length;
  }

  readInt8(): number {
    const value = this.buffer.readInt8(this.offset);
    this.offset += 1;
    return value;
  }

  readInt32(): number {
    const value = this.buffer.readInt32BE(this.offset);
    this.offset += 4;
    return value;
  }

  readInt64(): bigint {
    const value = this.buffer.readBigInt64BE(this.offset);
    this.offset += 8;
    return value;
  }

  readBytes(): Buffer | null {
    const length = this.readInt32();
    if (length === -1) return null;
    const bytes = this.buffer.slice(this.offset, this.offset + length);
    this.offset += length;
    return bytes;
  }

  /** Everything not read yet; the decoder is spent afterwards. */
  readAll(): Buffer {
    const result = this.buffer.slice(this.offset);
    this.offset = this.buffer.length;
    return result;
  }
}

export interface Message {
  offset: bigint;
  attributes: number;
  key: Buffer | null;
  value: Buffer | null;
}

/** Decodes a v0 message set: [offset int64, size int32, crc int32, magic int8, attributes int8, key, value]*. */
export function decodeMessageSet(decoder: Decoder): Message[] {
  const messages: Message[] = [];
  while (decoder.canRead(12)) {
    const offset = decoder.readInt64();
    const size = decoder.readInt32();
    const rest = decoder.readAll();
    if (rest.length < size) break;
    const entry = new Decoder(rest.slice(0, size));
    decoder = new Decoder(rest.slice(size));
    entry.readInt32();
    entry.readInt8();
    const attributes = entry.readInt8();
    messages.push({ offset, attributes, key: entry.readBytes(), value: entry.readBytes() });
  }
  return messages;
}
