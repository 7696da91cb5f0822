// A worker client that lends a buffer to a worker and gets it back: both sides transfer, and the caller
// continues with the buffer it receives, re-creating its view over it.
export interface Port {
  postMessage(message: unknown, transfer: Transferable[]): void;
  onmessage: ((event: MessageEvent) => void) | null;
}

interface Request {
  id: number;
  buffer: ArrayBuffer;
}

/** The worker side: normalises the samples in place and hands the buffer back. */
export function serveNormalize(port: Port): void {
  port.onmessage = event => {
    const { id, buffer } = event.data as Request;
    const view = new Float32Array(buffer);
    const peak = view.reduce((max, v) => Math.max(max, Math.abs(v)), 0) || 1;
    for (let i = 0; i < view.length; i++) view[i] /= peak;
    port.postMessage({ id, buffer }, [buffer]);
  };
}

export class WorkerClient {
  private nextId = 0;
  private readonly pending = new Map<number, (buffer: ArrayBuffer) => void>();

  constructor(private readonly port: Port) {
    port.onmessage = event => {
      const { id, buffer } = event.data as Request;
      this.pending.get(id)?.(buffer);
      this.pending.delete(id);
    };
  }

  /** Moves `buffer` to the worker; resolves with the buffer the worker moves back. */
  call(buffer: ArrayBuffer): Promise<ArrayBuffer> {
    const id = this.nextId++;
    return new Promise(resolve => {
      this.pending.set(id, resolve);
      this.port.postMessage({ id, buffer }, [buffer]);
    });
  }

  async normalize(values: readonly number[]): Promise<Float32Array> {
    let samples = Float32Array.from(values);
    samples = new Float32Array(await this.call(samples.buffer));
    return samples;
  }
}
