// RIFF/WAVE metadata parser (excerpt): walks the chunks of a WAVE file, each a header (id and
// size) and a body.
export interface IChunkHeader {
  chunkID: string;
  chunkSize: number;
}

export interface IGetToken<T> {
  len: number;
  get(buf: Uint8Array, off: number): T;
}

const latin1 = (buf: Uint8Array, off: number, len: number) => String.fromCharCode(...buf.subarray(off, off + len));
const view = (buf: Uint8Array) => new DataView(buf.buffer, buf.byteOffset, buf.byteLength);

export const Header: IGetToken<IChunkHeader> = {
  len: 8,
  get: (buf, off) => ({
    chunkID: latin1(buf, off, 4),
    chunkSize: view(buf).getUint32(off + 4), // BUG
  }),
};

export interface WaveFormat {
  channels: number;
  sampleRate: number;
  bitsPerSample: number;
  duration: number;
}

export function parseWave(buf: Uint8Array): WaveFormat {
  const riff = Header.get(buf, 0);
  if (riff.chunkID !== 'RIFF' || latin1(buf, 8, 4) !== 'WAVE') throw new Error('not a RIFF/WAVE file');
  let offset = 12;
  let format: Omit<WaveFormat, 'duration'> | undefined;
  while (offset + Header.len <= buf.length) {
    const header = Header.get(buf, offset);
    const body = offset + Header.len;
    if (header.chunkID === 'fmt ') {
      const v = view(buf);
      format = { channels: v.getUint16(body + 2, true), sampleRate: v.getUint32(body + 4, true), bitsPerSample: v.getUint16(body + 14, true) };
    } else if (header.chunkID === 'data') {
      if (!format) throw new Error('data chunk before fmt chunk');
      const bytesPerSecond = (format.sampleRate * format.channels * format.bitsPerSample) / 8;
      return { ...format, duration: header.chunkSize / bytesPerSecond };
    }
    offset = body + header.chunkSize + (header.chunkSize % 2);
  }
  throw new Error('no data chunk');
}
