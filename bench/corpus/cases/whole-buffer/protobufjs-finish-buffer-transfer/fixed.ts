// A worker that encodes telemetry records with a protobuf.js-style writer and posts them to the page.
// The writer, like protobuf.js's, carves small outputs out of a shared 8 KiB slab (util.pool).
const POOL_SIZE = 8192;
let slab: Uint8Array | null = null;
let slabOffset = 0;

function poolAlloc(size: number): Uint8Array {
  if (size > POOL_SIZE >>> 1) return new Uint8Array(size);
  if (slab === null || slabOffset + size > POOL_SIZE) {
    slab = new Uint8Array(POOL_SIZE);
    slabOffset = 0;
  }
  const chunk = slab.subarray(slabOffset, (slabOffset += size));
  if (slabOffset & 7) slabOffset = (slabOffset | 7) + 1;
  return chunk;
}

/** Encodes `{ 1: id (varint), 2: name (string) }` and returns the bytes, as Writer#finish() does. */
export function encodeRecord(id: number, name: string): Uint8Array {
  const text = new TextEncoder().encode(name);
  const varint: number[] = [];
  for (let v = id >>> 0; ; v >>>= 7) {
    if (v < 0x80) { varint.push(v); break; }
    varint.push((v & 0x7f) | 0x80);
  }
  const out = poolAlloc(1 + varint.length + 2 + text.length);
  out.set([0x08, ...varint, 0x12, text.length], 0);
  out.set(text, 1 + varint.length + 2);
  return out;
}

export interface PostTarget {
  postMessage(message: unknown, transfer: Transferable[]): void;
}

export function postRecord(port: PostTarget, id: number, name: string): void {
  // The encoded bytes share the writer's pool: copy them out before transferring.
  const message = encodeRecord(id, name).slice().buffer;
  port.postMessage({ message }, [message]);
}
