import { expect, pattern, sameBytes } from '../../../support/check.js';
import { countCopies } from '../../../support/copies.js';
import type * as Impl from './fixed.js';

export default async function confirm({ makeResponseCacheable }: typeof Impl): Promise<void> {
  // A proxied response: the upstream body is relayed to res.write in many small pieces.
  const pieces = Array.from({ length: 400 }, (_, i) => Buffer.from(pattern(512, i).buffer));
  const total = pieces.length * 512;
  const sent: Buffer[] = [];
  const res: Impl.CacheableResponse = {
    write(chunk) {
      sent.push(Buffer.isBuffer(chunk) ? chunk : Buffer.from(chunk));
      return true;
    },
    end() {},
  };
  let cached: string | Buffer | undefined;
  makeResponseCacheable(res, body => {
    cached = body;
  });

  const copies = await countCopies(() => {
    for (const piece of pieces) res.write(piece);
    res.end();
  });
  const expected = new Uint8Array(total);
  pieces.forEach((piece, i) => expected.set(piece, i * 512));
  expect(Buffer.isBuffer(cached) && sameBytes(cached, expected), 'the cached body is not the body that was sent');
  expect(
    copies.bytes <= 2 * total,
    `caching a ${total}-byte response copied ${copies.bytes} bytes in ${copies.calls} copies: the body so far is copied on every res.write`,
  );
}
