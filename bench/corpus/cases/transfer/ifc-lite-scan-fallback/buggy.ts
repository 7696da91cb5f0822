// IFC (STEP text) parsing: the entity index (#id, type, byte range) is built in a Web Worker when one
// is available, else on the main thread; entities are then decoded from the file bytes.
export interface EntityRef {
  expressId: number;
  type: string;
  byteOffset: number;
  byteLength: number;
}

export interface ScanResult {
  refs: EntityRef[];
  /** The worker sends back a copy of the bytes it scanned. */
  buffer: ArrayBuffer;
}

export type WorkerScanner = (buffer: ArrayBuffer) => Promise<ScanResult>;

/** Scans on the main thread: every line `#<id>=<TYPE>(...);`. */
export function scanEntities(bytes: Uint8Array): EntityRef[] {
  const refs: EntityRef[] = [];
  let start = 0;
  for (let i = 0; i < bytes.length; i++) {
    if (bytes[i] !== 0x0a) continue;
    const line = new TextDecoder().decode(bytes.subarray(start, i));
    const match = /^#(\d+)=([A-Z0-9_]+)\(/.exec(line);
    if (match !== null) refs.push({ expressId: Number(match[1]), type: match[2], byteOffset: start, byteLength: i - start });
    start = i + 1;
  }
  return refs;
}

export async function parseIfc(buffer: ArrayBuffer, scanEntitiesInWorker: WorkerScanner | null): Promise<Map<number, string>> {
  const uint8Buffer = new Uint8Array(buffer);
  let entityRefs: EntityRef[] = [];
  let workerBuffer: Uint8Array | null = null;
  if (scanEntitiesInWorker !== null) {
    try {
      const result = await scanEntitiesInWorker(buffer);
      entityRefs = result.refs;
      workerBuffer = new Uint8Array(result.buffer);
    } catch {
      entityRefs.length = 0;
    }
  }
  if (workerBuffer === null) entityRefs = scanEntities(uint8Buffer); // BUG
  const source = workerBuffer ?? uint8Buffer;
  const decoder = new TextDecoder();
  return new Map(entityRefs.map(ref => [ref.expressId, decoder.decode(source.subarray(ref.byteOffset, ref.byteOffset + ref.byteLength))]));
}

/** Runs the scan in `worker`. */
export function workerScanner(worker: { postMessage(message: unknown, transfer: Transferable[]): void; onmessage: ((event: MessageEvent) => void) | null }): WorkerScanner {
  return buffer =>
    new Promise((resolve, reject) => {
      worker.onmessage = event => (event.data.error ? reject(new Error(event.data.error)) : resolve(event.data as ScanResult));
      worker.postMessage({ buffer }, [buffer]);
    });
}
