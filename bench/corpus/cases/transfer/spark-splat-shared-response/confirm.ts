import { expect, pattern } from '../../../support/check.js';
import { portWorker } from '../../../support/transfer-port.js';
import type * as Impl from './fixed.js';

export default async function confirm({ SplatLoader, SplatWorker }: typeof Impl): Promise<void> {
  // The worker unpacks 32 bytes per splat and transfers the packed array back.
  const worker = portWorker((message: { id: number; args: { fileBytes: Uint8Array } }, reply) => {
    const numSplats = message.args.fileBytes.length / 32;
    const packedArray = new Uint32Array(numSplats * 4);
    reply({ id: message.id, result: { numSplats, packedArray } }, [packedArray.buffer]);
  });
  try {
    // Like THREE.FileLoader, concurrent requests for one URL share a single response ArrayBuffer.
    const inFlight = new Map<string, Promise<ArrayBuffer>>();
    const fileLoader = {
      loadAsync(url: string) {
        let response: Promise<ArrayBuffer> | undefined = inFlight.get(url);
        if (response === undefined) {
          response = Promise.resolve(pattern(32 * 100).slice().buffer);
          inFlight.set(url, response);
        }
        return response;
      },
    };
    const loader = new SplatLoader(fileLoader, new SplatWorker(worker.port));
    // The page shows the same asset twice (the envmap example loads fireplace.spz twice).
    const [a, b] = await Promise.all([loader.loadAsync('fireplace.spz'), loader.loadAsync('fireplace.spz')]);
    expect(a.numSplats === 100, `the first load unpacked ${a.numSplats} splats, 100 were expected`);
    expect(b.numSplats === 100, `the concurrent load of the same file unpacked ${b.numSplats} splats: its bytes had been transferred by the first`);
  } finally {
    worker.close();
  }
}
