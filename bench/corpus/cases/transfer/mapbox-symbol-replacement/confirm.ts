import { expect } from '../../../support/check.js';
import { portWorker, settle } from '../../../support/transfer-port.js';
import type * as Impl from './fixed.js';

export default async function confirm({ SymbolBucket, WorkerTile }: typeof Impl): Promise<void> {
  const mainThread = portWorker();
  try {
    const anchors = Array.from({ length: 10 }, (_, i) => ({ x: 100 + i, y: 50 }));
    const tile = new WorkerTile(7, [new SymbolBucket(anchors)], mainThread.port);
    tile.redoPlacement(0);
    // The user rotates the map: placement is redone and sent again.
    tile.redoPlacement(Math.PI / 2);
    await settle();
    for (const [index, message] of mainThread.received.entries()) {
      const { arrayBuffer, length } = (message as { buckets: { arrayBuffer: ArrayBuffer; length: number }[] }).buckets[0];
      const vertices = new Float32Array(arrayBuffer, 0, Math.min(arrayBuffer.byteLength / 4, length * 2));
      expect(vertices.length === 20, `placement ${index + 1} reached the main thread with ${vertices.length / 2} of 10 glyph vertices`);
      const x = index === 0 ? 100 : -50;
      expect(Math.abs(vertices[0] - x) < 1e-3, `placement ${index + 1} put the first glyph at x=${vertices[0]}, ${x} was expected`);
    }
    expect(mainThread.received.length === 2, `${mainThread.received.length} placements reached the main thread`);
  } finally {
    mainThread.close();
  }
}
