import { expect, pattern, sameBytes } from '../../../support/check.js';
import { portWorker } from '../../../support/transfer-port.js';
import type * as Impl from './fixed.js';

export default async function confirm({ WorkerBridge, exportImage }: typeof Impl): Promise<void> {
  // The worker cannot encode TIFF (say its codec failed to load): it answers with an error.
  const worker = portWorker((data: { id: number }, reply) => reply({ id: data.id, error: 'tiff codec unavailable' }));
  try {
    const image = { width: 32, height: 16, data: new Uint8ClampedArray(pattern(32 * 16 * 4)) };
    const original = image.data.slice();
    // The main-thread encoder: a header and the raw pixels, enough to see what it was given.
    const encodeOnMainThread = (img: Impl.ImageDataLike) => {
      const out = new Uint8Array(8 + img.data.length);
      new DataView(out.buffer).setUint32(0, img.width, true);
      new DataView(out.buffer).setUint32(4, img.height, true);
      out.set(img.data, 8);
      return out;
    };
    let encoded: Uint8Array;
    try {
      encoded = await exportImage(image, 'tiff', new WorkerBridge(worker.port), encodeOnMainThread);
    } catch (error) {
      throw new Error(`exportImage threw on the fallback path: ${String(error)}`);
    }
    expect(sameBytes(encoded.subarray(8), original), `the fallback encoded ${encoded.length - 8} pixel bytes, ${original.length} were expected`);
    expect(image.data.length === original.length, `the caller's image has ${image.data.length} bytes left after the export`);
  } finally {
    worker.close();
  }
}
