// Loading a binary PLY point cloud of Gaussian splats (as the Gaussian-Splatting-WebGL loader does):
// the ASCII header has arbitrary length, so the float32 vertex block may start at any byte. The
// Float32Array is made straight over the file only when that start is 4-byte aligned; otherwise the
// block is first copied into a fresh (aligned) ArrayBuffer.
export interface SplatCloud {
  count: number;
  properties: string[];
  /** count * properties.length floats, vertex-major. */
  values: Float32Array;
}

const END_HEADER = 'end_header\n';

export function loadPly(content: ArrayBuffer): SplatCloud {
  const head = new TextDecoder().decode(new Uint8Array(content, 0, Math.min(content.byteLength, 64 * 1024)));
  const headerEnd = head.indexOf(END_HEADER);
  if (headerEnd === -1) throw new Error('Unable to read .ply file header');
  const lines = head.slice(0, headerEnd).split('\n');
  if (lines[0] !== 'ply' || !lines.includes('format binary_little_endian 1.0')) throw new Error('only binary little-endian PLY is supported');
  const vertexLine = lines.find(line => line.startsWith('element vertex '));
  if (vertexLine === undefined) throw new Error('the PLY header declares no vertices');
  const count = Number.parseInt(vertexLine.slice('element vertex '.length), 10);
  const properties = lines.filter(line => line.startsWith('property float ')).map(line => line.slice('property float '.length));

  const dataStart = new TextEncoder().encode(head.slice(0, headerEnd + END_HEADER.length)).length;
  const floats = count * properties.length;
  if (dataStart + floats * 4 > content.byteLength) throw new Error('the PLY file is truncated');
  const values = dataStart % 4 === 0 ? new Float32Array(content, dataStart, floats) : new Float32Array(content.slice(dataStart, dataStart + floats * 4));
  return { count, properties, values };
}

/** The splat centres, as the renderer uploads them. */
export function positions(cloud: SplatCloud): Float32Array {
  const stride = cloud.properties.length;
  const [x, y, z] = ['x', 'y', 'z'].map(name => cloud.properties.indexOf(name));
  const out = new Float32Array(cloud.count * 3);
  for (let i = 0; i < cloud.count; i++) {
    out[i * 3] = cloud.values[i * stride + x!]!;
    out[i * 3 + 1] = cloud.values[i * stride + y!]!;
    out[i * 3 + 2] = cloud.values[i * stride + z!]!;
  }
  return out;
}
