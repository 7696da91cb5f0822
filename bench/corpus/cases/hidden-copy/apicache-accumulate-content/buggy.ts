// Response caching middleware: wraps res.write/res.end to remember the body for the cache.
export interface CacheableResponse {
  write(chunk: string | Buffer): boolean;
  end(chunk?: string | Buffer): void;
  _apicache?: { content?: string | Buffer };
}

function accumulateContent(res: CacheableResponse, content: string | Buffer | undefined): void {
  if (!content) return;
  const cache = (res._apicache ??= {});
  if (typeof content === 'string') {
    cache.content = (typeof cache.content === 'string' ? cache.content : '') + content;
  } else {
    let oldContent = cache.content ?? Buffer.alloc(0);
    if (typeof oldContent === 'string') oldContent = Buffer.from(oldContent);
    cache.content = Buffer.concat([oldContent, content], oldContent.length + content.length); // BUG
  }
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
    onCached(res._apicache?.content);
    end(chunk);
  };
}
