// The Node side of a length-prefixed stdio protocol (esbuild's stdio_protocol): packets arrive as one
// Uint8Array, strings inside them are read as subarrays and decoded through a Buffer that views the
// same memory, so decoding copies nothing but the characters.
export type Value = null | boolean | number | string | Uint8Array | Value[] | { [key: string]: Value };

const decodeUTF8 = (bytes: Uint8Array): string => Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString();

class ByteBuffer {
  private ptr = 0;

  constructor(private readonly buf: Uint8Array) {}

  read8(): number {
    return this.buf[this.ptr++]!;
  }

  read32(): number {
    const at = this.ptr;
    this.ptr += 4;
    return (this.buf[at]! | (this.buf[at + 1]! << 8) | (this.buf[at + 2]! << 16) | (this.buf[at + 3]! << 24)) >>> 0;
  }

  read(): Uint8Array {
    const length = this.read32();
    const bytes = this.buf.subarray(this.ptr, this.ptr + length);
    this.ptr += length;
    return bytes;
  }
}

function visit(bb: ByteBuffer): Value {
  switch (bb.read8()) {
    case 0:
      return null;
    case 1:
      return !!bb.read8();
    case 2:
      return bb.read32() | 0;
    case 3:
      return decodeUTF8(bb.read());
    case 4:
      return bb.read();
    case 5: {
      const count = bb.read32();
      const value: Value[] = [];
      for (let i = 0; i < count; i++) value.push(visit(bb));
      return value;
    }
    case 6: {
      const count = bb.read32();
      const value: { [key: string]: Value } = {};
      for (let i = 0; i < count; i++) value[decodeUTF8(bb.read())] = visit(bb);
      return value;
    }
    default:
      throw new Error('Invalid packet');
  }
}

export function decodePacket(bytes: Uint8Array): { id: number; isRequest: boolean; value: Value } {
  const bb = new ByteBuffer(bytes);
  let id = bb.read32();
  const isRequest = (id & 1) === 0;
  id >>>= 1;
  return { id, isRequest, value: visit(bb) };
}
