// A custom editor for Minecraft NBT files: reads the file through the workspace file system and parses it.
export interface Uri {
  readonly path: string;
}

export interface FileSystem {
  readFile(uri: Uri): Promise<Uint8Array>;
}

export type NbtValue = number | string | NbtCompound;
export interface NbtCompound {
  [name: string]: NbtValue;
}

export interface NbtFile {
  name: string;
  data: NbtCompound;
}

function readCompound(view: DataView, bytes: Uint8Array, pos: { at: number }): NbtCompound {
  const out: NbtCompound = {};
  for (;;) {
    const type = view.getUint8(pos.at++);
    if (type === 0) return out;
    const name = readString(view, bytes, pos);
    if (type === 3) { out[name] = view.getInt32(pos.at); pos.at += 4; }
    else if (type === 8) out[name] = readString(view, bytes, pos);
    else if (type === 10) out[name] = readCompound(view, bytes, pos);
    else throw new Error(`Unsupported tag type ${type}`);
  }
}

function readString(view: DataView, bytes: Uint8Array, pos: { at: number }): string {
  const length = view.getUint16(pos.at);
  const text = new TextDecoder().decode(bytes.subarray(pos.at + 2, pos.at + 2 + length));
  pos.at += 2 + length;
  return text;
}

export function readNbt(bytes: Uint8Array): NbtFile {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const pos = { at: 0 };
  if (view.getUint8(pos.at++) !== 10) throw new Error('Root tag must be a compound');
  const name = readString(view, bytes, pos);
  return { name, data: readCompound(view, bytes, pos) };
}

export class NbtDocument {
  private constructor(readonly uri: Uri, readonly documentData: NbtFile) {}

  static async create(uri: Uri, fs: FileSystem): Promise<NbtDocument> {
    return new NbtDocument(uri, await NbtDocument.readFile(uri, fs));
  }

  private static async readFile(uri: Uri, fs: FileSystem): Promise<NbtFile> {
    const array = await fs.readFile(uri);
    return readNbt(new Uint8Array(array.buffer)); // BUG
  }
}
