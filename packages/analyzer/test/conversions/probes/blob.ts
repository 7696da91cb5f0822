// Probes for the Blob rows. A Blob cannot be written, so the copying reads (arrayBuffer, bytes,
// stream) are checked by writing one result and reading another from the same Blob.
import { sideOf } from './sides.js';
import type { Probe, ProbeTable } from './types.js';

/** One Blob per probe, shared by its runs, so two runs read the same Blob. */
function fromOneBlob(read: (blob: Blob) => Promise<unknown>, api?: Probe['api']): Probe {
  const blob = new Blob([new Uint8Array([1, 2, 3, 4])]);
  const run = async () => ({ source: sideOf(blob), result: sideOf(await read(blob)), hazards: {} });
  return api === undefined ? { run } : { api, run };
}

export const blobProbes: ProbeTable = {
  'blob-new': {
    run() {
      // A view in the middle of a larger buffer: the Blob copies exactly its bytes.
      const source = new Uint8Array(new ArrayBuffer(16), 4, 4).fill(7);
      return { source: sideOf(source), result: sideOf(new Blob([source])), hazards: {} };
    },
  },
  'blob-array-buffer': fromOneBlob(blob => blob.arrayBuffer()),
  'blob-bytes': fromOneBlob(blob => blob.bytes(), {
    name: 'Blob.prototype.bytes',
    present: () => typeof Blob.prototype.bytes === 'function',
  }),
  'blob-slice': fromOneBlob(blob => Promise.resolve(blob.slice(1, 3))),
  'blob-text': {
    async run() {
      const blob = new Blob(['hi']);
      return {
        source: sideOf(blob),
        result: sideOf(await blob.text()),
        hazards: { 'lossy-decoding': async () => (await new Blob([new Uint8Array([0xff])]).text()) === '\ufffd' },
      };
    },
  },
  'blob-stream': fromOneBlob(async blob => {
    const chunk = await blob.stream().getReader().read();
    return chunk.value;
  }),
};
