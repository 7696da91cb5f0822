import { createHash } from 'node:crypto';
import { expect, pattern, sameBytes } from '../../support/check.js';
import type * as Impl from './correct.js';

export default async function confirm({ toArrayBuffer, messageBytes, messageHash }: typeof Impl): Promise<void> {
  const whole = pattern(10);
  expect(toArrayBuffer(whole) === whole.buffer, 'a whole-buffer view was copied');
  const head = whole.subarray(0, 3);
  expect(toArrayBuffer(head).byteLength === 3, 'a subarray at offset 0 returned its whole backing buffer');
  expect(sameBytes(new Uint8Array(toArrayBuffer(whole.subarray(4, 8))), [5, 6, 7, 8]), 'a subarray returned the wrong bytes');
  expect(sameBytes(new Uint8Array(toArrayBuffer(whole.subarray(2), 1, 2)), [4, 5]), 'an offset/length range returned the wrong bytes');
  const shared = new Uint8Array(new SharedArrayBuffer(8));
  shared.set([1, 2, 3, 4, 5, 6, 7, 8]);
  expect(sameBytes(new Uint8Array(toArrayBuffer(shared.subarray(4), 1)), [6, 7, 8]), 'a SharedArrayBuffer view returned the wrong bytes');

  const transaction = new Uint8Array(1 + 2 * 64 + 20);
  transaction[0] = 2;
  transaction.fill(0xaa, 1, 129);
  transaction.set(pattern(20, 100), 129);
  const expected = createHash('sha256').update(messageBytes(transaction)).digest();
  expect(sameBytes(await messageHash(transaction), expected), 'the message hash covered the signatures too');
}
