// A MessagePack decoder: a cursor over the input (an ArrayBuffer or any view of one) and a value reader.
export interface ReadBuffer {
  peek(): number;
  get(len: number): ArrayBuffer;
  getUi8(): number;
  getUi16(): number;
  getUi32(): number;
  getF64(): number;
}

export function createReadBuffer(buf: BufferSource): ReadBuffer {
  const view = ArrayBuffer.isView(buf) ? new DataView(buf.buffer, buf.byteOffset, buf.byteLength) : new DataView(buf);
  let n = 0;
  return {
    peek: () => view.getUint8(n),
    get(len: number): ArrayBuffer {
      n += len;
      const off = view.byteOffset;
      return view.buffer.slice(off + n - len, off + n) as ArrayBuffer;
    },
    getUi8: () => view.getUint8(n++),
    getUi16: () => ((n += 2), view.getUint16(n - 2)),
    getUi32: () => ((n += 4), view.getUint32(n - 4)),
    getF64: () => ((n += 8), view.getFloat64(n - 8)),
  };
}

export type Value = null | boolean | number | string | Value[] | { [key: string]: Value };

function read(buf: ReadBuffer): Value {
  const tag = buf.getUi8();
  if (tag < 0x80) return tag;
  if ((tag & 0xf0) === 0x80) {
    const obj: { [key: string]: Value } = {};
    for (let i = tag & 0x0f; i > 0; --i) obj[read(buf) as string] = read(buf);
    return obj;
  }
  if ((tag & 0xf0) === 0x90) return Array.from({ length: tag & 0x0f }, () => read(buf));
  if ((tag & 0xe0) === 0xa0) return new TextDecoder().decode(buf.get(tag & 0x1f));
  switch (tag) {
    case 0xc0: return null;
    case 0xc2: return false;
    case 0xc3: return true;
    case 0xcb: return buf.getF64();
    case 0xcc: return buf.getUi8();
    case 0xcd: return buf.getUi16();
    case 0xce: return buf.getUi32();
    case 0xd9: return new TextDecoder().decode(buf.get(buf.getUi8()));
  }
  throw new TypeError(`unknown tag 0x${tag.toString(16)}`);
}

export function decode(data: BufferSource): Value {
  return read(createReadBuffer(data));
}
