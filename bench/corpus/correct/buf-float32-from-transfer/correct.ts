// A single-cell analysis worker replying to the main thread (as kana's workers do): results are built
// as fresh typed arrays in JS and every one of their buffers goes into the transfer list, so
// nothing is structured-cloned on the way out.
type TypedArray = Float32Array | Float64Array | Int32Array | Uint32Array | Uint8Array;

interface ReplyPort {
  postMessage(message: unknown, transfer: Transferable[]): void;
}

/** Collects the buffer of every typed array reachable from `object` (kana's extractBuffers). */
export function extractBuffers(object: unknown, store: ArrayBuffer[] = []): ArrayBuffer[] {
  if (ArrayBuffer.isView(object)) {
    if (object.buffer instanceof ArrayBuffer) store.push(object.buffer);
  } else if (Array.isArray(object)) {
    for (const element of object) extractBuffers(element, store);
  } else if (object !== null && typeof object === 'object') {
    for (const value of Object.values(object)) extractBuffers(value, store);
  }
  return store;
}

export interface QcMetrics {
  sums: TypedArray;
  detected: TypedArray;
  proportions: Float64Array;
}

/** Log-normalizes one gene's counts with the cells' size factors and posts the values. */
export function postNormalizedGene(port: ReplyPort, id: number, counts: Uint32Array, sizeFactors: Float64Array): void {
  const values = Float32Array.from(counts, (count, cell) => Math.log2(count / sizeFactors[cell]! + 1)).buffer;
  port.postMessage({ type: 'gene', id, values }, [values]);
}

/** Posts the per-cell QC metrics computed from a cell-by-gene count matrix (row-major). */
export function postQcMetrics(port: ReplyPort, counts: Uint32Array, cells: number, genes: number, mito: Set<number>): void {
  const metrics: QcMetrics = {
    sums: new Float64Array(cells),
    detected: new Int32Array(cells),
    proportions: new Float64Array(cells),
  };
  for (let c = 0; c < cells; c++) {
    let total = 0;
    let seen = 0;
    let mt = 0;
    for (let g = 0; g < genes; g++) {
      const value = counts[c * genes + g]!;
      total += value;
      if (value > 0) seen++;
      if (mito.has(g)) mt += value;
    }
    metrics.sums[c] = total;
    metrics.detected[c] = seen;
    metrics.proportions[c] = total === 0 ? 0 : mt / total;
  }
  port.postMessage({ type: 'qc', metrics }, extractBuffers(metrics));
}
