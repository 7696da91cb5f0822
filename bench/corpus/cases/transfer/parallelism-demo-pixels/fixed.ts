// Parallelism demo: an image's pixels are handed to a worker as a transferable (no copy) and the
// processed pixels come back the same way.
export interface PixelWorker {
  postMessage(message: unknown, transfer: Transferable[]): void;
  onmessage: ((event: MessageEvent) => void) | null;
}

/** Sends `pixels` to the worker and resolves with the pixels it sends back. */
export async function processInWorker(worker: PixelWorker, pixels: Uint8ClampedArray): Promise<Uint8ClampedArray> {
  const reply = new Promise<ArrayBuffer>(resolve => {
    worker.onmessage = msg => resolve(msg.data as ArrayBuffer);
  });
  const started = Date.now();
  worker.postMessage(pixels.buffer, [pixels.buffer]);
  // `pixels` now views a transferred (detached) buffer: build a new view over what came back.
  const result = new Uint8ClampedArray(await reply);
  console.debug(`worker round trip: ${Date.now() - started} ms for ${result.byteLength} bytes`);
  return result;
}
