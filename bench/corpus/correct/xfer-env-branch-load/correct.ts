// A loader that reads a file and moves its bytes to a parser worker, in Node and in browsers. Each
// environment gets its bytes differently, and each branch transfers only a buffer it owns whole.
export interface ParserWorker {
  postMessage(message: unknown, transfer: Transferable[]): void;
}

export async function loadInWorker(worker: ParserWorker, source: string): Promise<number> {
  let bytes: Uint8Array;
  if (typeof window === 'undefined') {
    // Node: a Buffer may be a window on a larger or shared allocation; move a copy of our own.
    const { readFile } = await import('node:fs/promises');
    const file = await readFile(source);
    bytes = new Uint8Array(file);
  } else {
    // Browser: the response's ArrayBuffer is fresh and the view spans it.
    const response = await fetch(source);
    bytes = new Uint8Array(await response.arrayBuffer());
  }
  const length = bytes.length;
  worker.postMessage({ type: 'parse', source, bytes }, [bytes.buffer]);
  return length;
}
