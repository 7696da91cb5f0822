// Loads a Gaussian splatting scene from a binary_little_endian PLY file: a text header, then one
// row of float properties per splat.
export interface SplatScene {
  count: number;
  positions: Float32Array;
  opacities: Float32Array;
}

const END_HEADER = 'end_header\n';

export function loadPly(buffer: ArrayBuffer): SplatScene {
  const bytes = new Uint8Array(buffer);
  const text = new TextDecoder().decode(bytes.subarray(0, Math.min(bytes.length, 4096)));
  const headerEnd = text.indexOf(END_HEADER) + END_HEADER.length;
  const header = text.slice(0, headerEnd);
  const count = parseInt(/element vertex (\d+)/.exec(header)![1], 10);
  const properties = [...header.matchAll(/property float (\w+)/g)].map(m => m[1]);
  const rowLength = properties.length;

  const data = new Float32Array(buffer, headerEnd, count * rowLength); // BUG
  const positions = new Float32Array(count * 3);
  const opacities = new Float32Array(count);
  const [x, y, z, opacity] = ['x', 'y', 'z', 'opacity'].map(name => properties.indexOf(name));
  for (let i = 0; i < count; i++) {
    const row = i * rowLength;
    positions.set([data[row + x], data[row + y], data[row + z]], i * 3);
    opacities[i] = 1 / (1 + Math.exp(-data[row + opacity]));
  }
  return { count, positions, opacities };
}
