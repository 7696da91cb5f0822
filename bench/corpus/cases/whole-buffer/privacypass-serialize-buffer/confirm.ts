import { expect, pattern, sameBytes } from '../../../support/check.js';
import type * as Impl from './fixed.js';

export default function confirm({ TokenRequest }: typeof Impl): void {
  // An issuer receives a request body, parses it, and re-serializes it to forward upstream.
  const blindedMsg = pattern(256, 0x80);
  const body = new Uint8Array(3 + blindedMsg.length);
  new DataView(body.buffer).setUint16(0, 0x0002);
  body[2] = 0x4d;
  body.set(blindedMsg, 3);

  const request = TokenRequest.deserialize(body, blindedMsg.length);
  expect(request.tokenType === 2 && request.truncatedTokenKeyId === 0x4d, 'the request header parsed wrongly');
  const again = request.serialize();
  expect(again.length === body.length, `the re-serialized request has ${again.length} bytes, the original ${body.length}`);
  expect(sameBytes(again, body), 're-serializing a parsed request changed its bytes');
}
