import { expect } from '../../../support/check.js';
import { portWorker, settle } from '../../../support/transfer-port.js';
import type * as Impl from './fixed.js';

export default async function confirm({ LocalDemManager, contourProtocol }: typeof Impl): Promise<void> {
  // The map's side: what the protocol returns goes to the map's tile worker, transferred.
  const mapWorker = portWorker();
  try {
    const manager = new LocalDemManager(async () => Float32Array.from({ length: 256 }, (_, i) => 100 + i * 3));
    const protocol = contourProtocol(manager, 10);
    for (let request = 0; request < 2; request++) {
      const { data } = await protocol('dem-contour://12/2048/1361');
      mapWorker.port.postMessage({ type: 'loadTile', data }, [data]);
    }
    await settle();
    const sizes = mapWorker.received.map(message => (message as { data: ArrayBuffer }).data.byteLength);
    expect(sizes[0] === 256, `the first request delivered ${sizes[0]} bytes, 256 were expected`);
    expect(sizes[1] === 256, `the repeated request for the same tile delivered ${sizes[1]} bytes: the cached buffer had been transferred away`);
  } finally {
    mapWorker.close();
  }
}
