// Draco mesh loading in the style of three.js: files come through a FileLoader backed by a global
// Cache of ArrayBuffers per URL, and decoding runs in a worker.
export const Cache = {
  enabled: true,
  files: new Map<string, ArrayBuffer>(),
  add(key: string, file: ArrayBuffer): void {
    if (this.enabled) this.files.set(key, file);
  },
  get(key: string): ArrayBuffer | undefined {
    return this.enabled ? this.files.get(key) : undefined;
  },
};

export class FileLoader {
  constructor(private readonly fetchArrayBuffer: (url: string) => Promise<ArrayBuffer>) {}

  async load(url: string): Promise<ArrayBuffer> {
    const cached = Cache.get(url);
    if (cached !== undefined) return cached;
    const response = await this.fetchArrayBuffer(url);
    Cache.add(url, response);
    return response;
  }
}

export interface DecodedGeometry {
  vertexCount: number;
}

export interface DecoderWorker {
  postMessage(message: unknown, transfer: Transferable[]): void;
  onmessage: ((event: MessageEvent) => void) | null;
}

// Decoding tasks by the buffer they decode: a buffer already transferred to the worker cannot be
// transferred again, so a second request for the same buffer shares the first task.
const taskCache = new WeakMap<ArrayBuffer, Promise<DecodedGeometry>>();

export class DRACOLoader {
  private workerNextTaskID = 1;
  private readonly callbacks = new Map<number, (geometry: DecodedGeometry) => void>();

  constructor(private readonly worker: DecoderWorker, private readonly fileLoader: FileLoader) {
    worker.onmessage = event => {
      const message = event.data as { id: number; geometry: DecodedGeometry };
      this.callbacks.get(message.id)?.(message.geometry);
      this.callbacks.delete(message.id);
    };
  }

  async load(url: string): Promise<DecodedGeometry> {
    const buffer = await this.fileLoader.load(url);
    return this.decodeGeometry(buffer);
  }

  decodeGeometry(buffer: ArrayBuffer): Promise<DecodedGeometry> {
    const cachedTask = taskCache.get(buffer);
    if (cachedTask !== undefined) return cachedTask;
    const taskID = this.workerNextTaskID++;
    const geometryPending = new Promise<DecodedGeometry>(resolve => {
      this.callbacks.set(taskID, resolve);
      this.worker.postMessage({ type: 'decode', id: taskID, buffer }, [buffer]);
    });
    taskCache.set(buffer, geometryPending);
    return geometryPending;
  }
}
