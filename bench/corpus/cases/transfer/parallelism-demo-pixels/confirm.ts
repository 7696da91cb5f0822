import { expect, pattern, sameBytes } from '../../../support/check.js';
import { portWorker } from '../../../support/transfer-port.js';
import type * as Impl from './fixed.js';

export default async function confirm({ processInWorker }: typeof Impl): Promise<void> {
  // The worker inverts every byte and transfers the buffer back.
  const worker = portWorker((data: ArrayBuffer, reply) => {
    const bytes = new Uint8Array(data);
    for (let i = 0; i < bytes.length; i++) bytes[i] = 255 - bytes[i];
    reply(data, [data]);
  });
  const debug = console.debug;
  console.debug = () => {};
  try {
    const input = new Uint8ClampedArray(pattern(4 * 64 * 64));
    const expected = input.map(byte => 255 - byte);
    const out = await processInWorker(worker.port, input);
    expect(sameBytes(out, expected), `the processed image has ${out.length} bytes, ${expected.length} inverted bytes were expected`);
  } finally {
    console.debug = debug;
    worker.close();
  }
}
