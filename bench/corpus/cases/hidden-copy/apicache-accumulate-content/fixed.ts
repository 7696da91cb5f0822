// Response caching middleware: wraps res.write/res.end to remember the body for the cache.
export interface CacheableResponse {
  write(chunk: string | Buffer): boolean;
  end(chunk?: string | Buffer): void;
  _apicache?: { content?: string | Buffer; chunks?: Buffer[] };
}

function accumulateContent(res: CacheableResponse, content: string | Buffer | undefined): void {
  if (!content) return;
  const cache = (res._apicache ??= {});
  if (typeof content === 'string') {
    cache.content = (typeof cache.content === 'string' ? cache.content : '') + content;
  } else {
    if (typeof cache.content === 'string') {
      cache.chunks = [Buffer.from(cache.content)];
      cache.content = undefined;
    }
    (cache.chunks ??= []).push(content);
  }
}

function bodyOf(res: CacheableResponse): string | Buffer | undefined {
  const cache = res._apicache;
  if (cache?.chunks !== undefined) return Buffer.concat(cache.chunks);
  return cache?.content;
}

/** Patches `res` so that, when it ends, `onCached` receives the whole body that was sent. */
export function makeResponseCacheable(res: CacheableResponse, onCached: (body: string | Buffer | undefined) => void): void {
  const write = res.write.bind(res);
  const end = res.end.bind(res);
  res.write = chunk => {
    accumulateContent(res, chunk);
    return write(chunk);
  };
  res.end = chunk => {
    accumulateContent(res, chunk);
    onCached(bodyOf(res));
    end(chunk);
  };
}
