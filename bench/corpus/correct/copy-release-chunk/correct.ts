// A spectator client for a game's replay feed (as lol-observer parses chunks): each downloaded chunk
// is a large Buffer of framed packets, but only a few small packet types are worth keeping for the
// whole match. Those payloads are copied out so the store does not pin every multi-megabyte chunk
// for as long as the match is kept.
export interface StoredPacket {
  time: number;
  type: number;
  payload: Buffer;
}

const KEPT_TYPES = new Set([0x01, 0x2a]);

/** Packet framing: [time float32 LE][type u8][length u16 LE][payload]. */
export function* framedPackets(chunk: Buffer): Generator<{ time: number; type: number; payload: Buffer }> {
  let at = 0;
  while (at + 7 <= chunk.length) {
    const time = chunk.readFloatLE(at);
    const type = chunk.readUInt8(at + 4);
    const length = chunk.readUInt16LE(at + 5);
    yield { time, type, payload: chunk.subarray(at + 7, at + 7 + length) };
    at += 7 + length;
  }
}

export class MatchStore {
  private readonly packets: StoredPacket[] = [];
  private bytesSeen = 0;

  ingestChunk(chunk: Buffer): void {
    this.bytesSeen += chunk.length;
    for (const { time, type, payload } of framedPackets(chunk)) {
      if (!KEPT_TYPES.has(type)) continue;
      this.packets.push({ time, type, payload: Buffer.from(payload) });
    }
  }

  get stored(): readonly StoredPacket[] {
    return this.packets;
  }

  get received(): number {
    return this.bytesSeen;
  }
}
