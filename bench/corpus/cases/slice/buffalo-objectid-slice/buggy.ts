// A BSON parser (as a MongoDB driver uses it) and the driver's reply reader, which decodes every reply
// out of one reusable receive buffer.
export class ObjectId {
  constructor(readonly bytes: Buffer) {}
  toString(): string {
    return this.bytes.toString('hex');
  }
}

export type BsonValue = number | string | ObjectId | BsonDocument;
export interface BsonDocument {
  [key: string]: BsonValue;
}

export function parse(buffer: Buffer, offset = 0): BsonDocument {
  const doc: BsonDocument = {};
  const end = offset + buffer.readInt32LE(offset) - 1;
  let at = offset + 4;
  while (at < end) {
    const type = buffer[at++];
    const nameEnd = buffer.indexOf(0, at);
    const name = buffer.toString('utf8', at, nameEnd);
    at = nameEnd + 1;
    if (type === 0x07) {
      doc[name] = new ObjectId(buffer.slice(at, at + 12)); // BUG
      at += 12;
    } else if (type === 0x10) {
      doc[name] = buffer.readInt32LE(at);
      at += 4;
    } else if (type === 0x02) {
      const length = buffer.readInt32LE(at);
      doc[name] = buffer.toString('utf8', at + 4, at + 4 + length - 1);
      at += 4 + length;
    } else if (type === 0x03) {
      doc[name] = parse(buffer, at);
      at += buffer.readInt32LE(at);
    } else {
      throw new Error(`unsupported BSON type 0x${type.toString(16)}`);
    }
  }
  return doc;
}

export class ReplyReader {
  private readonly receiveBuffer = Buffer.alloc(16 * 1024);

  constructor(private readonly onDocument: (doc: BsonDocument) => void) {}

  /** Called with each complete reply read off the socket. */
  onReply(reply: Uint8Array): void {
    this.receiveBuffer.set(reply, 0);
    this.onDocument(parse(this.receiveBuffer));
  }
}
