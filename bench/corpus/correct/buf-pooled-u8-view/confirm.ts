import { expect, sameBytes } from '../../support/check.js';
import type * as Impl from './correct.js';

export default function confirm({ decodeHex, encodeUtf8, encodeHex, memoBytes, publicKeyFromString }: typeof Impl): void {
  // Several small strings in a row: each Buffer is a different slice of one pool.
  const a = encodeUtf8('first');
  const b = decodeHex('0xdeadbeef');
  const c = memoBytes('héllo');
  expect(sameBytes(a, [0x66, 0x69, 0x72, 0x73, 0x74]), 'encodeUtf8 returned the wrong bytes');
  expect(sameBytes(b, [0xde, 0xad, 0xbe, 0xef]), 'decodeHex returned the wrong bytes');
  expect(c.length === 6 && c[1] === 0xc3, 'memoBytes returned the wrong bytes');
  expect(Object.getPrototypeOf(b) === Uint8Array.prototype, 'decodeHex returned a Buffer, not a Uint8Array');
  expect(encodeHex(b.subarray(1, 3)) === 'adbe', 'encodeHex ignored the view bounds');
  const der = '302a300506032b6570032100' + '11'.repeat(32);
  const key = publicKeyFromString(der);
  expect(key.length === 32 && key.every(byte => byte === 0x11), 'the DER prefix was not stripped');
  key[0] = 0;
  expect(publicKeyFromString(der)[0] === 0x11, 'the key returned shares memory with a later parse');
}
