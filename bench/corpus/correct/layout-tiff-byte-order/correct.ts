// Reading a TIFF's first image file directory (as geotiff.js's DataSlice and fromArrayBuffer do): the
// byte order is whatever the file's header says ("II" little, "MM" big), decided once into
// `littleEndian` and passed to every read, including the arrays (StripOffsets, StripByteCounts...)
// whose values live elsewhere in the file and are fetched later.
const FIELD_TYPE_SIZES: Record<number, number> = { 1: 1, 2: 1, 3: 2, 4: 4, 5: 8, 16: 8 };

export class DataSlice {
  private readonly dataView: DataView;

  constructor(buffer: ArrayBuffer, readonly littleEndian: boolean) {
    this.dataView = new DataView(buffer);
  }

  readUint8(offset: number): number {
    return this.dataView.getUint8(offset);
  }

  readUint16(offset: number): number {
    return this.dataView.getUint16(offset, this.littleEndian);
  }

  readUint32(offset: number): number {
    return this.dataView.getUint32(offset, this.littleEndian);
  }

  readUint64(offset: number): number {
    return Number(this.dataView.getBigUint64(offset, this.littleEndian));
  }
}

export type FieldValue = number | number[] | string;

function readValues(slice: DataSlice, type: number, count: number, offset: number): FieldValue {
  const values: number[] = [];
  const size = FIELD_TYPE_SIZES[type] ?? 1;
  for (let i = 0; i < count; i++) {
    const at = offset + i * size;
    if (type === 3) values.push(slice.readUint16(at));
    else if (type === 4) values.push(slice.readUint32(at));
    else if (type === 5) values.push(slice.readUint32(at) / slice.readUint32(at + 4));
    else if (type === 16) values.push(slice.readUint64(at));
    else values.push(slice.readUint8(at));
  }
  if (type === 2) return String.fromCharCode(...values).replace(/\0+$/, '');
  return count === 1 ? values[0]! : values;
}

export function parseFirstIfd(buffer: ArrayBuffer): { littleEndian: boolean; fields: Map<number, FieldValue> } {
  const bom = new DataView(buffer).getUint16(0, true);
  let littleEndian: boolean;
  if (bom === 0x4949) littleEndian = true;
  else if (bom === 0x4d4d) littleEndian = false;
  else throw new TypeError('Invalid byte order value.');

  const slice = new DataSlice(buffer, littleEndian);
  if (slice.readUint16(2) !== 42) throw new TypeError('Invalid magic number.');
  const ifdOffset = slice.readUint32(4);
  const entryCount = slice.readUint16(ifdOffset);
  const fields = new Map<number, FieldValue>();
  for (let i = 0; i < entryCount; i++) {
    const entry = ifdOffset + 2 + i * 12;
    const tag = slice.readUint16(entry);
    const type = slice.readUint16(entry + 2);
    const count = slice.readUint32(entry + 4);
    const size = (FIELD_TYPE_SIZES[type] ?? 1) * count;
    const valueOffset = size <= 4 ? entry + 8 : slice.readUint32(entry + 8);
    fields.set(tag, readValues(slice, type, count, valueOffset));
  }
  return { littleEndian, fields };
}

export const TAGS = { ImageWidth: 256, ImageLength: 257, BitsPerSample: 258, StripOffsets: 273, RowsPerStrip: 278, StripByteCounts: 279, Software: 305 } as const;
