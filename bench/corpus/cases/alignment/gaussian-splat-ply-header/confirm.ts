import { expect } from '../../../support/check.js';
import type * as Impl from './fixed.js';

function plyFile(splats: number[][], properties: string[]): ArrayBuffer {
  const lines = ['format binary_little_endian 1.0', `element vertex ${splats.length}`, ...properties.map(p => `property float ${p}`), 'end_header', ''];
  const rest = lines.join('\n');
  // Like the reporter's smaller model, whose shorter vertex count moved the data to an offset
  // that is not a multiple of 4: pad a comment so the float data starts at 2 (mod 4).
  let comment = 'comment made by the exporter';
  while ((4 + comment.length + 1 + rest.length) % 4 !== 2) comment += '.';
  const header = `ply\n${comment}\n${rest}`;
  const encoded = new TextEncoder().encode(header);
  const out = new ArrayBuffer(encoded.length + splats.length * properties.length * 4);
  new Uint8Array(out).set(encoded);
  const view = new DataView(out, encoded.length);
  splats.flat().forEach((v, i) => view.setFloat32(i * 4, v, true));
  return out;
}

export default function confirm({ loadPly }: typeof Impl): void {
  const properties = ['x', 'y', 'z', 'nx', 'opacity'];
  const file = plyFile(
    [
      [1, 2, 3, 0, 0],
      [-4, 5.5, 6, 0, 2],
    ],
    properties,
  );
  let scene: Impl.SplatScene;
  try {
    scene = loadPly(file);
  } catch (error) {
    throw new Error(`loading a PLY whose header is not a multiple of 4 bytes long failed: ${String(error)}`);
  }
  expect(scene.count === 2 && scene.positions.join() === '1,2,3,-4,5.5,6', `positions read as ${scene.positions.join()}`);
  expect(Math.abs(scene.opacities[1] - 1 / (1 + Math.exp(-2))) < 1e-6, 'opacity read wrong');
}
