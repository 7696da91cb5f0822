// The analysis worker of a single-cell app: each step's results are typed arrays the worker allocated
// for that message, and the reply moves all of their buffers, collected by walking the result object.
export interface ReplyPort {
  postMessage(message: unknown, transfer: Transferable[]): void;
}

export interface PcaResults {
  components: Float64Array;
  varianceExplained: Float64Array;
  clusters: Int32Array;
  firstTwo: Float64Array[];
}

function extractBuffers(object: unknown, store: Set<ArrayBuffer>): void {
  if (object === null || typeof object !== 'object') return;
  if (ArrayBuffer.isView(object)) {
    if (object.buffer instanceof ArrayBuffer) store.add(object.buffer);
    return;
  }
  for (const value of Array.isArray(object) ? object : Object.values(object)) extractBuffers(value, store);
}

export function runPca(cells: number, dims: number): PcaResults {
  const components = new Float64Array(cells * dims);
  for (let i = 0; i < components.length; i++) components[i] = Math.sin(i);
  const varianceExplained = new Float64Array(dims).map((_, d) => 1 / (d + 1));
  const clusters = new Int32Array(cells).map((_, c) => c % 4);
  // Views of the first two components share the components' buffer.
  const firstTwo = [components.subarray(0, cells), components.subarray(cells, 2 * cells)];
  return { components, varianceExplained, clusters, firstTwo };
}

export function postStep(port: ReplyPort, step: string, results: PcaResults): void {
  const transferable = new Set<ArrayBuffer>();
  extractBuffers(results, transferable);
  port.postMessage({ type: `${step}_DONE`, results }, [...transferable]);
}
