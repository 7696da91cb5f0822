import { expect, pattern } from '../../../support/check.js';
import { portWorker } from '../../../support/transfer-port.js';
import type * as Impl from './fixed.js';

export default async function confirm({ Cache, DRACOLoader, FileLoader }: typeof Impl): Promise<void> {
  // The decoder worker reports 12 bytes per vertex of whatever buffer reaches it.
  const worker = portWorker((data: { id: number; buffer: ArrayBuffer }, reply) =>
    reply({ id: data.id, geometry: { vertexCount: data.buffer.byteLength / 12 } }),
  );
  Cache.files.clear();
  try {
    const fileLoader = new FileLoader(async () => pattern(12 * 500).slice().buffer);
    const loader = new DRACOLoader(worker.port, fileLoader);
    const first = await loader.load('models/bunny.drc');
    // The same model placed a second time: the FileLoader serves it from the Cache.
    const second = await loader.load('models/bunny.drc');
    expect(first.vertexCount === 500, `the first load decoded ${first.vertexCount} vertices, 500 were expected`);
    expect(second.vertexCount === 500, `loading the cached URL again decoded ${second.vertexCount} vertices: the cached buffer had been transferred away`);
  } finally {
    Cache.files.clear();
    worker.close();
  }
}
