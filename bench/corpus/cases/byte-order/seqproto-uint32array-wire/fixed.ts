// Binary serializer for sending data between a server and its clients: values are written to,
// and read back from, an ArrayBuffer one 32-bit word at a time.
export interface Ser {
  index: number;
  buffer: ArrayBuffer;
  dataView: DataView;
  serializeUInt32(n: number): void;
  serializeBoolean(b: boolean): void;
  getBuffer(): ArrayBuffer;
}

export interface Des {
  index: number;
  dataView: DataView;
  deserializeUInt32(): number;
  deserializeBoolean(): boolean;
}

// A DataView always uses the byte order it is told (big-endian by default), whatever the
// platform's: the bytes on the wire no longer depend on the machine that wrote them.
export function createSer({ bufferSize = 2 ** 16 }: { bufferSize?: number } = {}): Ser {
  const buffer = new ArrayBuffer(bufferSize);
  return {
    index: 0,
    buffer,
    dataView: new DataView(buffer),
    serializeUInt32(n) {
      this.dataView.setUint32(this.index++ * 4, n);
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
    dataView: new DataView(buffer),
    deserializeUInt32() {
      return this.dataView.getUint32(this.index++ * 4);
    },
    deserializeBoolean() {
      return this.deserializeUInt32() === 1;
    },
  };
}
