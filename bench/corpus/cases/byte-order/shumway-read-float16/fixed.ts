// SWF parser stream (excerpt): reads the numeric types of the SWF format.
export class Stream {
  bytes: Uint8Array;
  view: DataView;
  pos = 0;

  constructor(buffer: ArrayBuffer | Uint8Array) {
    const bytes = buffer instanceof Uint8Array ? buffer : new Uint8Array(buffer);
    this.bytes = bytes;
    this.view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  }

  readUi16(): number {
    const r = this.view.getUint16(this.pos, true);
    this.pos += 2;
    return r;
  }

  readFloat16(): number {
    const ui16 = this.view.getUint16(this.pos, true);
    this.pos += 2;
    const sign = ui16 >> 15 ? -1 : 1;
    const exponent = (ui16 & 0x7c00) >> 10;
    const fraction = ui16 & 0x03ff;
    if (!exponent) return sign * Math.pow(2, -14) * (fraction / 1024);
    if (exponent === 0x1f) return fraction ? NaN : sign * Infinity;
    return sign * Math.pow(2, exponent - 15) * (1 + fraction / 1024);
  }

  readFloat(): number {
    const r = this.view.getFloat32(this.pos, true);
    this.pos += 4;
    return r;
  }
}
