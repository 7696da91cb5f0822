// A WebSocket sender (hybi framing, server side, unmasked): frames binary payloads and writes them to the socket.
export interface Writable {
  write(chunk: Buffer): void;
}

export type BinaryData = Buffer | ArrayBuffer | ArrayBufferView;

/** Copies an ArrayBuffer or a typed-array view into a Node Buffer the socket can take. */
function getArrayBuffer(data: ArrayBuffer | ArrayBufferView): Buffer {
  const array = new Uint8Array(ArrayBuffer.isView(data) ? data.buffer : data); // BUG
  const length = data.byteLength;
  const buffer = Buffer.alloc(length);
  for (let i = 0; i < length; ++i) {
    buffer[i] = array[i];
  }
  return buffer;
}

export class Sender {
  constructor(private readonly socket: Writable) {}

  send(data: BinaryData): void {
    const payload = Buffer.isBuffer(data) ? data : getArrayBuffer(data);
    this.frameAndSend(0x2, payload);
  }

  private frameAndSend(opcode: number, payload: Buffer): void {
    const length = payload.length;
    const header = length < 126 ? Buffer.alloc(2) : Buffer.alloc(4);
    header[0] = 0x80 | opcode;
    if (length < 126) {
      header[1] = length;
    } else {
      header[1] = 126;
      header.writeUInt16BE(length, 2);
    }
    this.socket.write(header);
    this.socket.write(payload);
  }
}
