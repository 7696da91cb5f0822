// Gaussian-splat loading in the style of Spark: the file is fetched through a three.js-style
// FileLoader and unpacked in a worker.
export interface RpcPort {
  postMessage(message: unknown, transfer: Transferable[]): void;
  onmessage: ((event: MessageEvent) => void) | null;
}

/** Every ArrayBuffer reachable from `ctx` (through typed arrays, arrays and plain objects). */
export function getArrayBuffers(ctx: unknown): ArrayBuffer[] {
  const buffers = new Set<ArrayBuffer>();
  const visit = (value: unknown): void => {
    if (value instanceof ArrayBuffer) buffers.add(value);
    else if (ArrayBuffer.isView(value)) visit(value.buffer);
    else if (Array.isArray(value)) value.forEach(visit);
    else if (value !== null && typeof value === 'object') Object.values(value).forEach(visit);
  };
  visit(ctx);
  return [...buffers];
}

export class SplatWorker {
  private nextId = 1;
  private readonly pending = new Map<number, (result: unknown) => void>();

  constructor(private readonly port: RpcPort) {
    port.onmessage = event => {
      const { id, result } = event.data as { id: number; result: unknown };
      this.pending.get(id)?.(result);
      this.pending.delete(id);
    };
  }

  call(name: string, args: unknown): Promise<unknown> {
    const id = this.nextId++;
    return new Promise(resolve => {
      this.pending.set(id, resolve);
      this.port.postMessage({ id, name, args }, getArrayBuffers(args));
    });
  }
}

export interface PackedSplats {
  numSplats: number;
  packedArray: Uint32Array;
}

export interface FileLoader {
  loadAsync(url: string): Promise<ArrayBuffer>;
}

export class SplatLoader {
  constructor(private readonly fileLoader: FileLoader, private readonly worker: SplatWorker) {}

  async loadAsync(url: string): Promise<PackedSplats> {
    const response = await this.fileLoader.loadAsync(url);
    // The worker call transfers the bytes, and the FileLoader may hand the same ArrayBuffer to
    // another load (its Cache, or a concurrent request for the same URL): unpack a copy.
    const fileBytes = new Uint8Array(response.slice(0));
    const result = (await this.worker.call('unpackSplats', { fileBytes, pathOrUrl: url })) as PackedSplats;
    return result;
  }
}
