import { expect } from '../../support/check.js';
import type * as Impl from './correct.js';

function packet(time: number, type: number, payload: Buffer): Buffer {
  const head = Buffer.alloc(7);
  head.writeFloatLE(time, 0);
  head.writeUInt8(type, 4);
  head.writeUInt16LE(payload.length, 5);
  return Buffer.concat([head, payload]);
}

export default function confirm({ MatchStore }: typeof Impl): void {
  const store = new MatchStore();
  const chunks: Buffer[] = [];
  for (let n = 0; n < 3; n++) {
    const parts = [packet(n, 0x01, Buffer.from(`champ-${n}`))];
    for (let i = 0; i < 200; i++) parts.push(packet(n + i / 1000, 0x10, Buffer.alloc(4000, i)));
    parts.push(packet(n + 0.5, 0x2a, Buffer.from(`score-${n}`)));
    chunks.push(Buffer.concat(parts));
  }
  for (const chunk of chunks) store.ingestChunk(chunk);
  const kept = store.stored;
  expect(kept.length === 6, `kept ${kept.length} packets`);
  expect(kept.map(p => p.payload.toString()).join() === 'champ-0,score-0,champ-1,score-1,champ-2,score-2', 'kept payloads are wrong');
  for (const { payload } of kept) {
    expect(!chunks.some(chunk => chunk.buffer === payload.buffer), 'a kept payload still points into its chunk, pinning it');
    expect(payload.buffer.byteLength <= 8192, `a kept payload holds a ${payload.buffer.byteLength}-byte buffer alive`);
  }
}
