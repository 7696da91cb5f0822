// Binary serializer for sending data between a server and its clients: values are written to,
// and read back from, an ArrayBuffer one 32-bit word at a time.
export interface Ser {
  index: number;
  buffer: ArrayBuffer;
  uint32Array: Uint32Array;
  serializeUInt32(n: number): void;
  serializeBoolean(b: boolean): void;
  getBuffer(): ArrayBuffer;
}

export interface Des {
  index: number;
  uint32Array: Uint32Array;
  deserializeUInt32(): number;
  deserializeBoolean(): boolean;
}

export function createSer({ bufferSize = 2 ** 16 }: { bufferSize?: number } = {}): Ser {
  const buffer = new ArrayBuffer(bufferSize);
  return {
    index: 0,
    buffer,
    uint32Array: new Uint32Array(buffer),
    serializeUInt32(n) {
      this.uint32Array[this.index++] = n; // BUG
    },
    serializeBoolean(b) {
      this.serializeUInt32(b ? 1 : 0);
    },
    getBuffer() {
      return this.buffer.slice(0, this.index * 4);
    },
  };
}

export function createDes(buffer: ArrayBuffer): Des {
  return {
    index: 0,
    uint32Array: new Uint32Array(buffer),
    deserializeUInt32() {
      return this.uint32Array[this.index++]; // BUG
    },
    deserializeBoolean() {
      return this.deserializeUInt32() === 1;
    },
  };
}
