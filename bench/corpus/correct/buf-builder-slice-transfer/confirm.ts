import { expect } from '../../support/check.js';
import type * as Impl from './correct.js';

export default async function confirm({ Builder, postPayload, readStrings }: typeof Impl): Promise<void> {
  const { port1, port2 } = new MessageChannel();
  try {
    const builder = new Builder(16);
    builder.addString('world');
    builder.addString('hello');
    const received = new Promise<ArrayBuffer>(resolve => {
      port2.onmessage = event => resolve((event.data as { payload: ArrayBuffer }).payload);
    });
    postPayload(port1, builder);
    const payload = await received;
    expect(payload.byteLength === 18, `the worker got ${payload.byteLength} bytes, the message has 18`);
    expect(readStrings(payload).join(' ') === 'hello world', `the worker read ${JSON.stringify(readStrings(payload))}`);
    expect(builder.asUint8Array().length === 18, 'the builder lost its buffer to the transfer');
    builder.clear();
    builder.addString('again');
    expect(readStrings(builder.asUint8Array().slice().buffer).join() === 'again', 'the builder cannot be reused after posting');
  } finally {
    port1.close();
    port2.close();
  }
}
