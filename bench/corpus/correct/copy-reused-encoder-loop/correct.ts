// An RPC client encoding a batch of requests (in the spirit of the `byte` ByteBuffer used by Node RPC
// clients): one growable ByteBuffer is reset and reused for every request, so each finished frame is
// copied out of it before the next request is written; the copies are what gets queued for the socket.
export class ByteBuffer {
  private bytes: Buffer;
  private pos = 0;

  constructor(size = 256) {
    this.bytes = Buffer.alloc(size);
  }

  private ensure(extra: number): void {
    if (this.pos + extra <= this.bytes.length) return;
    const grown = Buffer.alloc(Math.max(this.bytes.length * 2, this.pos + extra));
    this.bytes.copy(grown, 0, 0, this.pos);
    this.bytes = grown;
  }

  reset(): this {
    this.pos = 0;
    return this;
  }

  putInt(value: number): this {
    this.ensure(4);
    this.bytes.writeInt32BE(value, this.pos);
    this.pos += 4;
    return this;
  }

  putString(text: string): this {
    const length = Buffer.byteLength(text);
    this.putInt(length);
    this.ensure(length);
    this.bytes.write(text, this.pos);
    this.pos += length;
    return this;
  }

  /** The bytes written since the last reset, as a view that the next reset invalidates. */
  view(): Buffer {
    return this.bytes.subarray(0, this.pos);
  }
}

export interface Request {
  id: number;
  method: string;
  args: string[];
}

export function encodeBatch(requests: Request[]): Buffer[] {
  const bb = new ByteBuffer(64);
  const frames: Buffer[] = [];
  for (const request of requests) {
    bb.reset().putInt(request.id).putString(request.method).putInt(request.args.length);
    for (const arg of request.args) bb.putString(arg);
    frames.push(Buffer.from(bb.view()));
  }
  return frames;
}

export function decodeFrame(frame: Buffer): Request {
  let at = 0;
  const int = (): number => {
    const value = frame.readInt32BE(at);
    at += 4;
    return value;
  };
  const str = (): string => {
    const length = int();
    const text = frame.toString('utf8', at, at + length);
    at += length;
    return text;
  };
  const id = int();
  const method = str();
  const args = Array.from({ length: int() }, str);
  return { id, method, args };
}
