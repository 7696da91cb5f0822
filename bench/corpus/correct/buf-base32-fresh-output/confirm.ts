import { expect, sameBytes } from '../../support/check.js';
import type * as Impl from './correct.js';

export default function confirm({ base32Encode, base32Decode, NIL_ID, randomId }: typeof Impl): void {
  const foobar = new TextEncoder().encode('foobar');
  const copy = new Uint8Array(foobar.length);
  copy.set(foobar);
  expect(base32Encode(copy.buffer, 'RFC4648') === 'MZXW6YTBOI======', 'RFC 4648 encoding of "foobar" is wrong');
  const decoded = base32Decode('MZXW6YTBOI======', 'RFC4648');
  expect(decoded.byteLength === 6 && sameBytes(new Uint8Array(decoded), foobar), 'decoding "MZXW6YTBOI" did not give back "foobar"');
  expect(NIL_ID === '0000000000000000', `the nil id is ${NIL_ID}`);
  const id = randomId();
  expect(/^[0-9A-HJKMNP-TV-Z]{16}$/.test(id), `random id ${id} is not 16 Crockford characters`);
  expect(new Uint8Array(base32Decode(id, 'Crockford')).length === 10, 'a random id does not decode to 10 bytes');
}
