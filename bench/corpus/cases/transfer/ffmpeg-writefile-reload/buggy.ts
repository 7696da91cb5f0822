// A page that probes a video with single-threaded ffmpeg.wasm and then, when the codec allows it,
// reloads the multi-threaded core and transcodes. The FFmpeg class mirrors @ffmpeg/ffmpeg: every
// call is a message to its worker.
export interface FFmpegWorker {
  postMessage(message: unknown, transfer: Transferable[]): void;
  onmessage: ((event: MessageEvent) => void) | null;
}

export class FFmpeg {
  #worker: FFmpegWorker | null = null;
  #nextId = 0;
  readonly #resolves = new Map<number, (data: unknown) => void>();

  load(worker: FFmpegWorker, config: { multiThread: boolean }): Promise<unknown> {
    this.#worker = worker;
    worker.onmessage = event => {
      const { id, data } = event.data as { id: number; data: unknown };
      this.#resolves.get(id)?.(data);
      this.#resolves.delete(id);
    };
    return this.#send({ type: 'LOAD', data: config });
  }

  #send({ type, data }: { type: string; data: unknown }, trans: Transferable[] = []): Promise<unknown> {
    if (this.#worker === null) return Promise.reject(new Error('ffmpeg is not loaded, call `await ffmpeg.load()` first'));
    const id = this.#nextId++;
    return new Promise(resolve => {
      this.#resolves.set(id, resolve);
      this.#worker?.postMessage({ id, type, data }, trans);
    });
  }

  writeFile(path: string, data: Uint8Array | string): Promise<unknown> {
    const trans: Transferable[] = [];
    if (data instanceof Uint8Array) trans.push(data.buffer);
    return this.#send({ type: 'WRITE_FILE', data: { path, data } }, trans);
  }

  exec(args: string[]): Promise<unknown> {
    return this.#send({ type: 'EXEC', data: { args } });
  }
}

/** Probes `data` single-threaded, then transcodes it with the multi-threaded core. */
export async function probeThenTranscode(ffmpeg: FFmpeg, workers: { st: FFmpegWorker; mt: FFmpegWorker }, data: ArrayBuffer): Promise<unknown> {
  await ffmpeg.load(workers.st, { multiThread: false });
  await ffmpeg.writeFile('input', new Uint8Array(data));
  await ffmpeg.exec(['-i', 'input']);

  await ffmpeg.load(workers.mt, { multiThread: true });
  await ffmpeg.writeFile('input', new Uint8Array(data)); // BUG
  return ffmpeg.exec(['-i', 'input', '-c:v', 'libx264', 'output.mp4']);
}
