// GGUF model file parser (excerpt): the header after the 'GGUF' magic.
export interface GGUFHeader {
  version: number;
  tensorCount: bigint;
  kvCount: bigint;
  littleEndian: boolean;
}

const GGUF_MAGIC = 0x47475546; // 'GGUF'

export function parseHeader(buffer: ArrayBuffer): GGUFHeader {
  const view = new DataView(buffer);
  if (view.getUint32(0) !== GGUF_MAGIC) throw new Error('not a GGUF file');
  const littleEndian = true;
  const version = view.getUint32(4, true); // BUG
  if (version < 1 || version > 3) throw new Error(`unsupported GGUF version ${version}`);
  const tensorCount = version === 1 ? BigInt(view.getUint32(8, littleEndian)) : view.getBigUint64(8, littleEndian);
  const kvCount = version === 1 ? BigInt(view.getUint32(12, littleEndian)) : view.getBigUint64(16, littleEndian);
  return { version, tensorCount, kvCount, littleEndian };
}
