import { portWorker } from './transfer-port.js';

/** A tensor as onnxruntime-web passes it: element type, flat data and dimensions. */
export interface TensorLike {
  type: string;
  data: Float32Array | BigInt64Array;
  dims: readonly number[];
}

export interface ProxySession {
  readonly inputNames: string[];
  readonly outputNames: string[];
  run(feeds: Record<string, TensorLike>): Promise<Record<string, TensorLike>>;
  /** Closes the proxy worker's ports. */
  release(): void;
}

/**
 * An InferenceSession as onnxruntime-web runs it with `env.wasm.proxy = true`: `run` serializes the
 * input tensors to the proxy worker with their data buffers in the transfer list (ORT's
 * extractTransferableBuffers), so the caller's typed arrays are detached; the worker runs `model`
 * and the outputs come back transferred.
 */
export function proxySession(
  inputNames: string[],
  outputNames: string[],
  model: (inputs: Record<string, TensorLike>) => Record<string, TensorLike>,
): ProxySession {
  let nextId = 1;
  const pending = new Map<
    number,
    { resolve: (outputs: Record<string, TensorLike>) => void; reject: (error: Error) => void }
  >();
  const worker = portWorker(
    (message: { id: number; feeds: Record<string, TensorLike> }, reply) => {
      const outputs = model(message.feeds);
      reply(
        { id: message.id, outputs },
        Object.values(outputs).map(tensor => tensor.data.buffer),
      );
    },
    // The run's inputs could not be cloned (a browser throws a DataCloneError from postMessage).
    () => {
      for (const { reject } of pending.values())
        reject(new Error("DataCloneError: an input tensor's ArrayBuffer is already detached"));
      pending.clear();
    },
  );
  worker.port.onmessage = event => {
    pending.get(event.data.id)?.resolve(event.data.outputs);
    pending.delete(event.data.id);
  };
  return {
    inputNames,
    outputNames,
    run(feeds) {
      const id = nextId++;
      const plain = Object.fromEntries(
        Object.entries(feeds).map(([name, t]) => [name, { type: t.type, data: t.data, dims: t.dims }]),
      );
      const transfer = Object.values(feeds).map(tensor => tensor.data.buffer);
      return new Promise((resolve, reject) => {
        pending.set(id, { resolve, reject });
        worker.port.postMessage({ id, feeds: plain }, transfer);
      });
    },
    release: () => worker.close(),
  };
}
