// A flatbuffers-style builder writes its message back to front into a growable buffer, so the
// finished bytes are the tail of that buffer (asUint8Array() is a subarray). The worker gets a copy
// of those bytes made with slice() and transferred as its ArrayBuffer; the builder keeps its own.
interface WorkerLike {
  postMessage(message: unknown, transfer: Transferable[]): void;
}

export class Builder {
  private bb: Uint8Array<ArrayBuffer>;
  private space: number;

  constructor(initialSize = 64) {
    this.bb = new Uint8Array(initialSize);
    this.space = initialSize;
  }

  private prep(size: number): void {
    while (this.space < size) {
      const old = this.bb;
      const grown = new Uint8Array(old.length * 2);
      grown.set(old, grown.length - old.length);
      this.space += grown.length - old.length;
      this.bb = grown;
    }
  }

  addUint32(value: number): void {
    this.prep(4);
    this.space -= 4;
    new DataView(this.bb.buffer).setUint32(this.space, value, true);
  }

  addString(text: string): void {
    const utf8 = new TextEncoder().encode(text);
    this.prep(utf8.length);
    this.space -= utf8.length;
    this.bb.set(utf8, this.space);
    this.addUint32(utf8.length);
  }

  clear(): void {
    this.space = this.bb.length;
  }

  /** The finished message: a view of the tail of the builder's buffer. */
  asUint8Array(): Uint8Array<ArrayBuffer> {
    return this.bb.subarray(this.space);
  }
}

/** Sends the finished message to the worker without a structured clone of the builder's storage. */
export function postPayload(worker: WorkerLike, builder: Builder): void {
  const payload = builder.asUint8Array().slice().buffer;
  worker.postMessage({ payload }, [payload]);
}

/** The worker side: reads the (length-prefixed) strings back. */
export function readStrings(payload: ArrayBuffer): string[] {
  const view = new DataView(payload);
  const strings: string[] = [];
  for (let at = 0; at < view.byteLength; ) {
    const length = view.getUint32(at, true);
    strings.push(new TextDecoder().decode(new Uint8Array(payload, at + 4, length)));
    at += 4 + length;
  }
  return strings;
}
