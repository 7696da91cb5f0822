// Fixed-width number encoding in the style of Deno std's encoding/binary: read or write one number at
// the start of a Uint8Array, which is often a subarray of a larger read buffer. The DataView spans the
// whole ArrayBuffer and every access is made at the array's own byteOffset.
export type DataType = 'int8' | 'uint8' | 'int16' | 'uint16' | 'int32' | 'uint32';

export interface VarnumOptions {
  dataType?: DataType;
  endian?: 'little' | 'big';
}

const SIZES: Record<DataType, number> = { int8: 1, uint8: 1, int16: 2, uint16: 2, int32: 4, uint32: 4 };

export function sizeof(dataType: DataType): number {
  return SIZES[dataType];
}

/** Decodes a number from the start of `b`, or null when `b` is too short. */
export function varnum(b: Uint8Array, o: VarnumOptions = {}): number | null {
  const dataType = o.dataType ?? 'int32';
  const littleEndian = (o.endian ?? 'big') === 'little';
  if (b.length < sizeof(dataType)) return null;
  const view = new DataView(b.buffer);
  const at = b.byteOffset;
  switch (dataType) {
    case 'int8':
      return view.getInt8(at);
    case 'uint8':
      return view.getUint8(at);
    case 'int16':
      return view.getInt16(at, littleEndian);
    case 'uint16':
      return view.getUint16(at, littleEndian);
    case 'int32':
      return view.getInt32(at, littleEndian);
    case 'uint32':
      return view.getUint32(at, littleEndian);
  }
}

/** Encodes `x` at the start of `b`; returns the number of bytes written (0 when `b` is too short). */
export function putVarnum(b: Uint8Array, x: number, o: VarnumOptions = {}): number {
  const dataType = o.dataType ?? 'int32';
  const littleEndian = (o.endian ?? 'big') === 'little';
  if (b.length < sizeof(dataType)) return 0;
  const view = new DataView(b.buffer);
  const at = b.byteOffset;
  switch (dataType) {
    case 'int8':
      view.setInt8(at, x);
      break;
    case 'uint8':
      view.setUint8(at, x);
      break;
    case 'int16':
      view.setInt16(at, x, littleEndian);
      break;
    case 'uint16':
      view.setUint16(at, x, littleEndian);
      break;
    case 'int32':
      view.setInt32(at, x, littleEndian);
      break;
    case 'uint32':
      view.setUint32(at, x, littleEndian);
      break;
  }
  return sizeof(dataType);
}

/** Reads consecutive fields of a record, each from its own subarray of `record`. */
export function readFields(record: Uint8Array, types: DataType[], o: Omit<VarnumOptions, 'dataType'> = {}): number[] {
  const values: number[] = [];
  let pos = 0;
  for (const dataType of types) {
    values.push(varnum(record.subarray(pos), { ...o, dataType }) ?? Number.NaN);
    pos += sizeof(dataType);
  }
  return values;
}
