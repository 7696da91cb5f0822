import { expect, pattern, sameBytes } from '../../../support/check.js';
import { portWorker } from '../../../support/transfer-port.js';
import type * as Impl from './fixed.js';

export default async function confirm({ PdfFileStore }: typeof Impl): Promise<void> {
  // pdf.js in miniature: getDocument sends the data to its worker with the buffer in the transfer
  // list, as pdf.js does for TypedArray data; the worker answers with the page count.
  const worker = portWorker((data: { id: number; data: Uint8Array }, reply) => reply({ id: data.id, numPages: 1 + (data.data.length % 7) }));
  let nextId = 1;
  const pending = new Map<number, (numPages: number) => void>();
  worker.port.onmessage = event => pending.get(event.data.id)?.(event.data.numPages);
  const pdfjsLib = {
    getDocument({ data }: { data: Uint8Array }) {
      const id = nextId++;
      const promise = new Promise<number>(resolve => pending.set(id, resolve)).then(numPages => ({
        numPages,
        getPage: async () => ({ render: async () => `thumbnail of ${numPages} pages` }),
        destroy: async () => {},
      }));
      worker.port.postMessage({ id, data }, [data.buffer]);
      return { promise };
    },
  };
  try {
    const store = new PdfFileStore(pdfjsLib);
    const uploaded = pattern(5000);
    await store.addFile('report.pdf', uploaded.slice().buffer);
    const bytes = store.bytesFor('report.pdf');
    expect(sameBytes(bytes, uploaded), `the merge tool got ${bytes.length} bytes of the ${uploaded.length} uploaded`);
  } finally {
    worker.close();
  }
}
