import { expect } from '../../support/check.js';
import type * as Impl from './correct.js';

export default async function confirm({ WorkerClient, serveNormalize }: typeof Impl): Promise<void> {
  const channel = new MessageChannel();
  try {
    serveNormalize(channel.port2);
    const client = new WorkerClient(channel.port1);
    const values = Array.from({ length: 10_000 }, (_, i) => ((i % 200) - 100) / 4);
    const peak = 25;
    const [a, b] = await Promise.all([client.normalize(values), client.normalize(values.map(v => v * 2))]);
    expect(a.length === values.length && a.every((v, i) => v === Math.fround(Math.fround(values[i]) / peak)), 'the first result is wrong');
    expect(b.length === values.length && b.every((v, i) => v === Math.fround(Math.fround(values[i] * 2) / (2 * peak))), 'the second result is wrong');
    const lent = new Float32Array([4, -8, 2]);
    const back = new Float32Array(await client.call(lent.buffer));
    expect(lent.length === 0, 'the lent buffer was copied, not moved');
    expect(back[1] === -1 && back[0] === 0.5, 'the returned buffer is wrong');
  } finally {
    channel.port1.close();
    channel.port2.close();
  }
}
