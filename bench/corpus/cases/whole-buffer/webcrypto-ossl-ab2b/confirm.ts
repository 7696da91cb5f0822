import { createHmac } from 'node:crypto';
import { expect, pattern } from '../../../support/check.js';
import type * as Impl from './fixed.js';

export default async function confirm({ SubtleCrypto }: typeof Impl): Promise<void> {
  const subtle = new SubtleCrypto();
  // AES-SIV (miscreant) splits one 64-byte key into its MAC half and its encryption half.
  const keyData = pattern(64, 0x40);
  const macKey = keyData.subarray(0, keyData.length / 2);
  const encKey = keyData.subarray(keyData.length / 2);
  const message = new TextEncoder().encode('attack at dawn');

  const mac = await subtle.importKey('raw', macKey, { name: 'HMAC', hash: 'SHA-256' });
  const enc = await subtle.importKey('raw', encKey, { name: 'HMAC', hash: 'SHA-256' });
  const macTag = Buffer.from(await subtle.sign('HMAC', mac, message)).toString('hex');
  const encTag = Buffer.from(await subtle.sign('HMAC', enc, message)).toString('hex');

  const expectedMac = createHmac('sha256', macKey).update(message).digest('hex');
  const expectedEnc = createHmac('sha256', encKey).update(message).digest('hex');
  expect(macTag === expectedMac, 'the key imported from the first half signs wrongly');
  expect(encTag === expectedEnc, `the key imported from the second half signs like the first half (${encTag === macTag ? 'same tag' : 'other tag'})`);
}
