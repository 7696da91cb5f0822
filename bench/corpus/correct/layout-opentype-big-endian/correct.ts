// Parsing OpenType/TrueType tables (as opentype.js's parse.js does): the format is big-endian, and
// every DataView read spells that out with an explicit `false`, so no read relies on the default and
// none can be mistaken for a host-order read.
export function getByte(dataView: DataView, offset: number): number {
  return dataView.getUint8(offset);
}

export function getUShort(dataView: DataView, offset: number): number {
  return dataView.getUint16(offset, false);
}

export function getShort(dataView: DataView, offset: number): number {
  return dataView.getInt16(offset, false);
}

export function getULong(dataView: DataView, offset: number): number {
  return dataView.getUint32(offset, false);
}

export function getFixed(dataView: DataView, offset: number): number {
  const decimal = dataView.getInt16(offset, false);
  const fraction = dataView.getUint16(offset + 2, false);
  return decimal + fraction / 65535;
}

export function getTag(dataView: DataView, offset: number): string {
  let tag = '';
  for (let i = offset; i < offset + 4; i++) tag += String.fromCharCode(dataView.getInt8(i));
  return tag;
}

export interface TableEntry {
  tag: string;
  checksum: number;
  offset: number;
  length: number;
}

/** The table directory at the start of an sfnt file. */
export function parseTableDirectory(data: DataView): { signature: string; tables: Map<string, TableEntry> } {
  const signature = getTag(data, 0);
  const numTables = getUShort(data, 4);
  const tables = new Map<string, TableEntry>();
  let p = 12;
  for (let i = 0; i < numTables; i++, p += 16) {
    const entry = { tag: getTag(data, p), checksum: getULong(data, p + 4), offset: getULong(data, p + 8), length: getULong(data, p + 12) };
    tables.set(entry.tag, entry);
  }
  return { signature, tables };
}

export interface HeadTable {
  version: number;
  fontRevision: number;
  magicNumber: number;
  unitsPerEm: number;
  xMin: number;
  yMin: number;
  xMax: number;
  yMax: number;
  indexToLocFormat: number;
}

export function parseHeadTable(data: DataView, start: number): HeadTable {
  return {
    version: getFixed(data, start),
    fontRevision: Math.round(getFixed(data, start + 4) * 1000) / 1000,
    magicNumber: getULong(data, start + 12),
    unitsPerEm: getUShort(data, start + 18),
    xMin: getShort(data, start + 36),
    yMin: getShort(data, start + 38),
    xMax: getShort(data, start + 40),
    yMax: getShort(data, start + 42),
    indexToLocFormat: getShort(data, start + 50),
  };
}

export function parseFont(buffer: ArrayBuffer): { unitsPerEm: number; head: HeadTable; tables: string[] } {
  const data = new DataView(buffer);
  const { signature, tables } = parseTableDirectory(data);
  if (signature !== '\x00\x01\x00\x00' && signature !== 'OTTO' && signature !== 'true') throw new Error('Unsupported OpenType signature');
  const headEntry = tables.get('head');
  if (headEntry === undefined) throw new Error('Font has no head table');
  const head = parseHeadTable(data, headEntry.offset);
  if (head.magicNumber !== 0x5f0f3cf5) throw new Error('Font header has wrong magic number');
  return { unitsPerEm: head.unitsPerEm, head, tables: [...tables.keys()] };
}
