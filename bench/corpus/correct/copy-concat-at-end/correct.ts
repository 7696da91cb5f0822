// Response caching middleware in the style of apicache: res.write/res.end are wrapped so the body can
// be stored once the response is finished. Written chunks are only collected while the response
// streams; they are joined with a single Buffer.concat in end(), never once per write.
export interface CachedResponse {
  status: number;
  headers: Record<string, string>;
  body: Buffer;
}

export interface ResponseLike {
  statusCode: number;
  getHeaders(): Record<string, number | string | string[] | undefined>;
  write(chunk: Buffer | string, encoding?: BufferEncoding): boolean;
  end(chunk?: Buffer | string, encoding?: BufferEncoding): unknown;
}

export class MemoryCache {
  private readonly entries = new Map<string, CachedResponse>();

  get(key: string): CachedResponse | undefined {
    return this.entries.get(key);
  }

  set(key: string, value: CachedResponse): void {
    this.entries.set(key, value);
  }
}

function toBuffer(chunk: Buffer | string, encoding?: BufferEncoding): Buffer {
  return typeof chunk === 'string' ? Buffer.from(chunk, encoding) : chunk;
}

/** Wraps `res` so that, when it ends with a cacheable status, its whole body lands in `cache` under `key`. */
export function makeResponseCacheable(res: ResponseLike, cache: MemoryCache, key: string): void {
  const chunks: Buffer[] = [];
  let length = 0;
  const write = res.write.bind(res);
  const end = res.end.bind(res);

  res.write = (chunk, encoding) => {
    const content = toBuffer(chunk, encoding);
    chunks.push(content);
    length += content.length;
    return write(content);
  };

  res.end = (chunk, encoding) => {
    if (chunk !== undefined) {
      const content = toBuffer(chunk, encoding);
      chunks.push(content);
      length += content.length;
    }
    if (res.statusCode >= 200 && res.statusCode < 300) {
      const headers: Record<string, string> = {};
      for (const [name, value] of Object.entries(res.getHeaders())) if (value !== undefined) headers[name] = String(value);
      cache.set(key, { status: res.statusCode, headers, body: Buffer.concat(chunks, length) });
    }
    return chunk === undefined ? end() : end(toBuffer(chunk, encoding));
  };
}
