// A browser stand-in for Node's Buffer (as browserify bundles one), and a DNS query encoder ported
// from Node that runs on it.
export class BrowserBuffer extends Uint8Array {
  static alloc(size: number): BrowserBuffer {
    return new BrowserBuffer(size);
  }

  override slice(start = 0, end = this.length): BrowserBuffer {
    start = Math.max(0, Math.min(start, this.length));
    end = Math.max(start, Math.min(end, this.length));
    return new BrowserBuffer(Uint8Array.prototype.slice.call(this, start, end)); // BUG
  }

  writeUInt16BE(value: number, offset: number): number {
    this[offset] = value >>> 8;
    this[offset + 1] = value & 0xff;
    return offset + 2;
  }

  write(text: string, offset: number): number {
    for (let i = 0; i < text.length; i++) this[offset + i] = text.charCodeAt(i) & 0xff;
    return text.length;
  }
}

/** Writes `name` as DNS labels into `out`; returns the bytes written. */
function encodeName(name: string, out: BrowserBuffer): number {
  let at = 0;
  for (const label of name.split('.')) {
    out[at++] = label.length;
    at += out.write(label, at);
  }
  out[at++] = 0;
  return at;
}

export function encodeQuery(id: number, name: string): BrowserBuffer {
  const buf = BrowserBuffer.alloc(512);
  buf.writeUInt16BE(id, 0);
  buf.writeUInt16BE(0x0100, 2);
  buf.writeUInt16BE(1, 4);
  let length = 12;
  length += encodeName(name, buf.slice(length));
  length = buf.writeUInt16BE(1, length);
  length = buf.writeUInt16BE(1, length);
  return buf.slice(0, length);
}
