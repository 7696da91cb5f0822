import { MessageChannel } from 'node:worker_threads';
import { expect, sameBytes } from '../../../support/check.js';
import type * as Impl from './fixed.js';

export default async function confirm({ encodeRecord, postRecord }: typeof Impl): Promise<void> {
  const { port1, port2 } = new MessageChannel();
  const received: ArrayBuffer[] = [];
  port2.on('message', (data: { message: ArrayBuffer }) => void received.push(data.message));
  try {
    const records: Array<[number, string]> = [[300, 'cpu'], [301, 'mem']];
    for (const [id, name] of records) {
      try {
        postRecord(port1 as unknown as Impl.PostTarget, id, name);
      } catch (error) {
        throw new Error(`posting record ${id} threw: ${String(error)}`);
      }
    }
    await new Promise(resolve => setTimeout(resolve, 50));
    expect(received.length === records.length, `the page received ${received.length} of ${records.length} records`);
    records.forEach(([id, name], i) => {
      const expected = encodeRecord(id, name);
      const got = new Uint8Array(received[i]);
      expect(sameBytes(got, expected), `record ${id} arrived as ${got.length} bytes, the encoding is ${expected.length}`);
    });
  } finally {
    port1.close();
    port2.close();
  }
}
