// Compiles the shared-memory layout of an audio-thread bridge: one region of a SharedArrayBuffer
// per declared buffer, then typed views over the regions on each side.
export interface BufferSpec {
  name: string;
  type: 'u8' | 'f32';
  length: number;
}

export interface Region extends BufferSpec {
  offset: number;
}

export interface Layout {
  byteLength: number;
  regions: Region[];
}

const HEADER_BYTES = 16;

export function computeLayout(specs: BufferSpec[]): Layout {
  let cursor = HEADER_BYTES;
  const regions = specs.map(spec => {
    const region = { ...spec, offset: cursor };
    cursor += spec.length * (spec.type === 'f32' ? 4 : 1);
    return region;
  });
  return { byteLength: cursor, regions };
}

export function createViews(sab: SharedArrayBuffer, layout: Layout): Map<string, Uint8Array | Float32Array> {
  const views = new Map<string, Uint8Array | Float32Array>();
  for (const region of layout.regions) {
    if (region.type === 'f32') views.set(region.name, new Float32Array(sab, region.offset, region.length)); // BUG
    else views.set(region.name, new Uint8Array(sab, region.offset, region.length));
  }
  return views;
}
