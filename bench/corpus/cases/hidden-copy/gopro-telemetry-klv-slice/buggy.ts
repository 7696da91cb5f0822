// GPMF (GoPro metadata) parser: a tree of KLV entries, a 4-byte key, a type, a structure size
// and a big-endian repeat count, then the payload padded to 4 bytes. Containers nest entries.
export interface KlvEntry {
  fourCC: string;
  type: string;
  values?: number[];
  children?: KlvEntry[];
}

function readValues(payload: Uint8Array, type: string, size: number, repeat: number): number[] {
  const view = new DataView(payload.buffer, payload.byteOffset, payload.byteLength);
  const values: number[] = [];
  const count = (size * repeat) / (type === 's' ? 2 : type === 'l' ? 4 : 1);
  for (let i = 0; i < count; i++) {
    if (type === 's') values.push(view.getInt16(i * 2));
    else if (type === 'l') values.push(view.getInt32(i * 4));
    else values.push(view.getUint8(i));
  }
  return values;
}

/** Parses the KLV entries of `data` between `start` and `end`. */
export function parseKLV(data: Uint8Array, start = 0, end = data.length): KlvEntry[] {
  const entries: KlvEntry[] = [];
  while (start + 8 <= end) {
    const fourCC = String.fromCharCode(data[start], data[start + 1], data[start + 2], data[start + 3]);
    const type = data[start + 4] === 0 ? '\0' : String.fromCharCode(data[start + 4]);
    const size = data[start + 5];
    const repeat = (data[start + 6] << 8) | data[start + 7];
    const length = size * repeat;
    const partialData = data.slice(start + 8, start + 8 + length); // BUG
    if (type === '\0') entries.push({ fourCC, type, children: parseKLV(partialData) });
    else entries.push({ fourCC, type, values: readValues(partialData, type, size, repeat) });
    start += 8 + Math.ceil(length / 4) * 4;
  }
  return entries;
}
