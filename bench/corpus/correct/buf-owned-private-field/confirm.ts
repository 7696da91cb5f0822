import { expect, sameBytes } from '../../support/check.js';
import type * as Impl from './correct.js';

export default async function confirm({ FabricBytes, postBytes }: typeof Impl): Promise<void> {
  const pooled = Buffer.from('--abcdef--', 'latin1').subarray(2, 8);
  const value = new FabricBytes(pooled);
  const expected = new TextEncoder().encode('abcdef');
  expect(sameBytes(new Uint8Array(value.sliceBuffer()), expected), 'sliceBuffer() returned bytes outside the value');
  expect(sameBytes(new Uint8Array(value.sliceBuffer(1, 3)), expected.subarray(1, 3)), 'sliceBuffer(1, 3) is wrong');
  pooled[0] = 0x5a;
  expect(value.at(0) === 0x61, 'the value changed when the caller mutated its source');

  const { port1, port2 } = new MessageChannel();
  try {
    const received = new Promise<ArrayBuffer>(resolve => {
      port2.onmessage = event => resolve((event.data as { buffer: ArrayBuffer }).buffer);
    });
    postBytes(port1, value);
    const buffer = await received;
    expect(buffer.byteLength === 6 && sameBytes(new Uint8Array(buffer), expected), 'the posted buffer is not exactly the value');
    expect(value.length === 6 && value.equals(new FabricBytes(expected)), 'the value was detached by posting it');
  } finally {
    port1.close();
    port2.close();
  }
}
