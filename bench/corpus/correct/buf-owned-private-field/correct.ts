// An immutable byte-string value for a data model (in the spirit of FabricBytes): construction copies
// the caller's bytes into storage the instance alone owns, so the private field's buffer starts at
// offset 0 and holds exactly the value. sliceBuffer() can therefore cut straight from that buffer,
// and the result is safe to put in a postMessage transfer list.
function toOwnedUint8Array(source: Uint8Array): Uint8Array<ArrayBuffer> {
  const owned = new Uint8Array(source.length);
  owned.set(source);
  return owned;
}

export class FabricBytes {
  readonly #bytes: Uint8Array<ArrayBuffer>;

  constructor(source: Uint8Array) {
    this.#bytes = toOwnedUint8Array(source);
  }

  get length(): number {
    return this.#bytes.length;
  }

  at(index: number): number | undefined {
    return this.#bytes[index];
  }

  /** A fresh ArrayBuffer holding bytes [start, end): exactly the requested range, nothing else. */
  sliceBuffer(start = 0, end = this.#bytes.length): ArrayBuffer {
    return this.#bytes.buffer.slice(start, end);
  }

  /** A copy for callers that want a view they may mutate. */
  toUint8Array(): Uint8Array<ArrayBuffer> {
    return new Uint8Array(this.sliceBuffer());
  }

  equals(other: FabricBytes): boolean {
    if (other.length !== this.length) return false;
    for (let i = 0; i < this.length; i++) if (other.at(i) !== this.#bytes[i]) return false;
    return true;
  }
}

/** Sends a value's bytes across a realm boundary, transferring the fresh buffer. */
export function postBytes(port: { postMessage(message: unknown, transfer: Transferable[]): void }, value: FabricBytes): void {
  const buffer = value.sliceBuffer();
  port.postMessage({ kind: 'bytes', buffer }, [buffer]);
}
