import { expect, pattern, sameBytes } from '../../../support/check.js';
import type * as Impl from './fixed.js';

export default function confirm({ siv }: typeof Impl): void {
  const key = pattern(32, 0x11);
  const nonce = pattern(12, 0x50);
  const plaintext = new TextEncoder().encode('a message long enough for three counter blocks');
  const sealed = siv(key, nonce).encrypt(plaintext);

  const fromUint8Array = siv(key, nonce).decrypt(sealed.slice());
  expect(sameBytes(fromUint8Array, plaintext), 'decrypting a Uint8Array gives the wrong plaintext');
  // The same ciphertext as a Node user holds it: a Buffer read from a file or socket.
  let fromBuffer: Uint8Array;
  try {
    fromBuffer = siv(key, nonce).decrypt(Buffer.from(sealed));
  } catch (error) {
    throw new Error(`decrypting the ciphertext held in a Buffer failed: ${String(error)}`);
  }
  expect(sameBytes(fromBuffer, plaintext), 'decrypting a Buffer gives the wrong plaintext');
}
