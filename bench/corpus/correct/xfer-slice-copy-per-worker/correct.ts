// A worker pool for a texture transcoder: every new worker receives its own copy of the transcoder's
// wasm binary, moved to it; the pool keeps the original to initialise workers it creates later.
export interface TranscoderWorker {
  postMessage(message: unknown, transfer: Transferable[]): void;
}

export class TranscoderPool {
  private readonly workers: TranscoderWorker[] = [];

  constructor(
    private readonly transcoderBinary: ArrayBuffer,
    private readonly createWorker: () => TranscoderWorker,
  ) {}

  addWorker(): TranscoderWorker {
    const worker = this.createWorker();
    // The binary is needed again for the next worker: send a copy and move that.
    const transcoderBinary = this.transcoderBinary.slice(0);
    worker.postMessage({ type: 'init', transcoderBinary }, [transcoderBinary]);
    this.workers.push(worker);
    return worker;
  }

  get size(): number {
    return this.workers.length;
  }
}
