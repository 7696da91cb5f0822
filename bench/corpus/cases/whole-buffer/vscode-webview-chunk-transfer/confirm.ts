import { MessageChannel } from 'node:worker_threads';
import { expect, pattern, sameBytes } from '../../../support/check.js';
import type * as Impl from './fixed.js';

export default async function confirm({ VSBuffer, WebviewResourceLoader }: typeof Impl): Promise<void> {
  // One IPC message from the remote extension host carries a header and two chunks of the file.
  const file = pattern(96, 0x30);
  const message = new Uint8Array(16 + file.length);
  message.set(file, 16);
  const chunks = [VSBuffer.wrap(message.subarray(16, 64)), VSBuffer.wrap(message.subarray(64))];
  async function* read(): AsyncIterable<Impl.VSBuffer> {
    for (const chunk of chunks) yield chunk;
  }

  const { port1, port2 } = new MessageChannel();
  const received: Uint8Array[] = [];
  let ended = false;
  port2.on('message', (msg: { channel: string; data: { data?: Uint8Array } }) => {
    if (msg.channel === 'did-load-resource-chunk') received.push(msg.data.data!);
    else ended = true;
  });
  try {
    const loader = new WebviewResourceLoader(port1 as unknown as Impl.WebviewFrame);
    try {
      await loader.streamResource(1, read());
    } catch (error) {
      throw new Error(`streaming the resource threw: ${String(error)}`);
    }
    await new Promise(resolve => setTimeout(resolve, 50));
    expect(ended, 'the webview never got the end of the resource');
    const got = new Uint8Array(received.reduce((n, c) => n + c.length, 0));
    received.reduce((at, c) => (got.set(c, at), at + c.length), 0);
    expect(sameBytes(got, file), `the webview received ${got.length} bytes, the resource has ${file.length}`);
    expect(message.byteLength === 112, 'the IPC message buffer was detached while the protocol still reads it');
  } finally {
    port1.close();
    port2.close();
  }
}
