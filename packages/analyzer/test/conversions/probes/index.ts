// Every row's probe, keyed by row id. The table test checks that the keys and the rows match.
import { arrayBufferProbes } from './array-buffer.js';
import { blobProbes } from './blob.js';
import { bufferProbes } from './buffer.js';
import { dataViewProbes } from './data-view.js';
import { numberArrayProbes } from './numbers.js';
import { runtimeProbes } from './runtime.js';
import { sharedArrayBufferProbes } from './shared-array-buffer.js';
import { stringProbes } from './strings.js';
import { structuredCloneProbes } from './structured-clone.js';
import { typedArrayProbes } from './typed-array.js';
import type { ProbeTable } from './types.js';
import { v8Probes } from './v8.js';
import { wasmProbes } from './wasm.js';

const tables: ProbeTable[] = [
  arrayBufferProbes,
  sharedArrayBufferProbes,
  typedArrayProbes,
  dataViewProbes,
  bufferProbes,
  numberArrayProbes,
  stringProbes,
  blobProbes,
  wasmProbes,
  structuredCloneProbes,
  v8Probes,
  runtimeProbes,
];

/** Throws on an id that two group files both define, so no probe silently shadows another. */
function merge(parts: readonly ProbeTable[]): ProbeTable {
  const out: Record<string, ProbeTable[string]> = {};
  for (const part of parts) {
    for (const [id, probe] of Object.entries(part)) {
      if (id in out) throw new Error(`probe ${id} is defined twice`);
      out[id] = probe;
    }
  }
  return Object.freeze(out);
}

export const probes: ProbeTable = merge(tables);
export type { Outcome, Probe, Side } from './types.js';
