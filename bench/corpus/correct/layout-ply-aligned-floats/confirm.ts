import { expect } from '../../support/check.js';
import type * as Impl from './correct.js';

function plyFile(comment: string, points: number[][]): ArrayBuffer {
  const header = `ply\nformat binary_little_endian 1.0\ncomment ${comment}\nelement vertex ${points.length}\nproperty float x\nproperty float y\nproperty float z\nproperty float opacity\nend_header\n`;
  const head = new TextEncoder().encode(header);
  const file = new Uint8Array(head.length + points.length * 16);
  file.set(head);
  const view = new DataView(file.buffer);
  points.forEach((point, i) => point.forEach((value, j) => view.setFloat32(head.length + i * 16 + j * 4, value, true)));
  return file.buffer;
}

export default function confirm({ loadPly, positions }: typeof Impl): void {
  const points = [[1, 2, 3, 0.5], [-4, 5.5, 6, 1]];
  for (const comment of ['a', 'ab', 'abc', 'abcd']) {
    const file = plyFile(comment, points);
    let cloud: Impl.SplatCloud;
    try {
      cloud = loadPly(file);
    } catch (error) {
      throw new Error(`loading a PLY whose header is ${comment.length} bytes longer threw: ${String(error)}`);
    }
    expect(cloud.count === 2 && cloud.properties.join() === 'x,y,z,opacity', 'the header was misread');
    expect(Array.from(positions(cloud)).join() === '1,2,3,-4,5.5,6', `positions read as ${Array.from(positions(cloud)).join()}`);
    expect(cloud.values[7] === 1, 'the opacity of the second splat is wrong');
  }
}
