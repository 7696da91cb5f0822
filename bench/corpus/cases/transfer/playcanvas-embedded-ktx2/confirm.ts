import { expect, pattern, sameBytes } from '../../../support/check.js';
import { portWorker, settle } from '../../../support/transfer-port.js';
import type * as Impl from './fixed.js';

export default async function confirm({ parseGlb }: typeof Impl): Promise<void> {
  const worker = portWorker();
  try {
    // A binary chunk holding 300 vertex positions, then an 800-byte KTX2 image.
    const positionsIn = Float32Array.from({ length: 900 }, (_, i) => i * 0.5);
    const image = pattern(800, 7);
    const bin = new Uint8Array(3600 + 800);
    bin.set(new Uint8Array(positionsIn.buffer), 0);
    bin.set(image, 3600);
    const gltf = {
      bufferViews: [
        { byteOffset: 0, byteLength: 3600 },
        { byteOffset: 3600, byteLength: 800 },
      ],
      images: [{ bufferView: 1, mimeType: 'image/ktx2' }],
      meshes: [{ positionView: 0 }],
    };
    let positions: Float32Array[];
    try {
      positions = parseGlb(gltf, bin, worker.port).positions;
    } catch (error) {
      throw new Error(`parseGlb threw while building the meshes: ${String(error)}`);
    }
    expect(positions[0].length === 900 && positions[0][899] === positionsIn[899], `the mesh has ${positions[0].length} position floats, 900 were expected`);
    await settle();
    const sent = worker.received[0] as { data: Uint8Array };
    expect(sameBytes(sent.data, image), `the transcoder received ${sent.data.length} bytes, the 800-byte image was expected`);
  } finally {
    worker.close();
  }
}
