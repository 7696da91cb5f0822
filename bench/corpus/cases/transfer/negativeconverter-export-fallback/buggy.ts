// Export of a converted film scan: PNG/TIFF encoding runs in a worker, and on the main thread when
// the worker fails.
export interface ImageDataLike {
  width: number;
  height: number;
  data: Uint8ClampedArray;
}

export type ExportFormat = 'png' | 'tiff';

export interface EncoderWorker {
  postMessage(message: unknown, transfer: Transferable[]): void;
  onmessage: ((event: MessageEvent) => void) | null;
}

interface EncodeReply {
  id: number;
  bytes?: ArrayBuffer;
  error?: string;
}

export class WorkerBridge {
  private nextId = 1;
  private readonly pending = new Map<number, { resolve: (bytes: Uint8Array) => void; reject: (error: Error) => void }>();

  constructor(private readonly worker: EncoderWorker) {
    worker.onmessage = event => {
      const reply = event.data as EncodeReply;
      const task = this.pending.get(reply.id);
      this.pending.delete(reply.id);
      if (reply.bytes !== undefined) task?.resolve(new Uint8Array(reply.bytes));
      else task?.reject(new Error(reply.error ?? 'encoder worker failed'));
    };
  }

  encode(image: ImageDataLike, format: ExportFormat): Promise<Uint8Array> {
    const id = this.nextId++;
    return new Promise((resolve, reject) => {
      this.pending.set(id, { resolve, reject });
      const pixels = image.data.buffer;
      this.worker.postMessage({ id, format, width: image.width, height: image.height, pixels }, [pixels]);
    });
  }
}

export type MainThreadEncoder = (image: ImageDataLike, format: ExportFormat) => Uint8Array;

export async function exportImage(image: ImageDataLike, format: ExportFormat, bridge: WorkerBridge | null, encodeOnMainThread: MainThreadEncoder): Promise<Uint8Array> {
  if (bridge !== null) {
    try {
      return await bridge.encode(image, format);
    } catch {
      // fall back to encoding here
    }
  }
  return encodeOnMainThread(image, format); // BUG
}
