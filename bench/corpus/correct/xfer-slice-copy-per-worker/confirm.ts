import { expect, pattern, sameBytes } from '../../support/check.js';
import type * as Impl from './correct.js';

export default async function confirm({ TranscoderPool }: typeof Impl): Promise<void> {
  const binary = new Uint8Array(pattern(50_000, 9));
  const channels: MessageChannel[] = [];
  const received: Promise<ArrayBuffer>[] = [];
  const pool = new TranscoderPool(binary.buffer, () => {
    const channel = new MessageChannel();
    channels.push(channel);
    received.push(
      new Promise(resolve => {
        channel.port2.onmessage = event => resolve((event.data as { transcoderBinary: ArrayBuffer }).transcoderBinary);
      }),
    );
    return channel.port1;
  });
  try {
    for (let i = 0; i < 3; i++) {
      pool.addWorker();
      expect(binary.byteLength === 50_000, `the pool's binary was detached by worker ${i}`);
    }
    const binaries = await Promise.all(received);
    binaries.forEach((b, i) => expect(sameBytes(new Uint8Array(b), binary), `worker ${i} received the wrong binary`));
  } finally {
    for (const channel of channels) {
      channel.port1.close();
      channel.port2.close();
    }
  }
}
