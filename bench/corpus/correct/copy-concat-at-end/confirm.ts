import { countCopies } from '../../support/copies.js';
import { expect } from '../../support/check.js';
import type * as Impl from './correct.js';

class FakeResponse implements Impl.ResponseLike {
  statusCode = 200;
  readonly sent: Buffer[] = [];

  getHeaders(): Record<string, string> {
    return { 'content-type': 'application/octet-stream' };
  }

  write(chunk: Buffer | string): boolean {
    this.sent.push(Buffer.isBuffer(chunk) ? chunk : Buffer.from(chunk));
    return true;
  }

  end(chunk?: Buffer | string): void {
    if (chunk !== undefined) this.write(chunk);
  }
}

export default async function confirm({ MemoryCache, makeResponseCacheable }: typeof Impl): Promise<void> {
  const cache = new MemoryCache();
  const res = new FakeResponse();
  makeResponseCacheable(res, cache, '/report');
  const parts = Array.from({ length: 500 }, (_, i) => Buffer.alloc(1024, i & 0xff));
  const copies = await countCopies(() => {
    for (const part of parts) res.write(part);
    res.end(Buffer.alloc(10, 0xee));
  });
  const cached = cache.get('/report');
  expect(cached !== undefined && cached.body.length === 500 * 1024 + 10, 'the cached body is missing or has the wrong length');
  expect(cached.body[1024 * 3] === 3 && cached.body[cached.body.length - 1] === 0xee, 'the cached body has the wrong bytes');
  expect(res.sent.length === 501, 'the client did not receive every chunk');
  expect(copies.calls === 1 && copies.bytes === cached.body.length, `caching made ${copies.calls} copies of ${copies.bytes} bytes, not one of the body`);
}
