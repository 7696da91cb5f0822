// glTF binary (GLB) parsing: every bufferView is a Uint8Array over the file's single binary chunk.
// Embedded KTX2 images go to the basis transcoder, which runs in a worker.
export interface GltfBufferView {
  byteOffset: number;
  byteLength: number;
}
export interface GltfImage {
  bufferView: number;
  mimeType: string;
}
export interface GltfMesh {
  positionView: number;
}
export interface Gltf {
  bufferViews: GltfBufferView[];
  images: GltfImage[];
  meshes: GltfMesh[];
}

export interface TranscodeWorker {
  postMessage(message: unknown, transfer: Transferable[]): void;
}

export function createBufferViews(gltf: Gltf, binChunk: Uint8Array): Uint8Array[] {
  return gltf.bufferViews.map(view => new Uint8Array(binChunk.buffer, binChunk.byteOffset + view.byteOffset, view.byteLength));
}

export function basisTranscode(worker: TranscodeWorker, url: string, data: Uint8Array): void {
  worker.postMessage({ type: 'transcode', url, data }, [data.buffer]);
}

function createTextures(worker: TranscodeWorker, gltf: Gltf, bufferViews: Uint8Array[]): string[] {
  return gltf.images.map((image, index) => {
    const url = `texture_${index}.ktx2`;
    // The transcoder transfers what it is given to its worker: give it a copy of the image's bytes,
    // not a view of the binary chunk every other bufferView shares.
    if (image.mimeType === 'image/ktx2') basisTranscode(worker, url, bufferViews[image.bufferView].slice(0));
    return url;
  });
}

function createMeshes(gltf: Gltf, bufferViews: Uint8Array[]): Float32Array[] {
  return gltf.meshes.map(mesh => {
    const view = bufferViews[mesh.positionView];
    return new Float32Array(view.buffer, view.byteOffset, view.byteLength / 4);
  });
}

export function parseGlb(gltf: Gltf, binChunk: Uint8Array, worker: TranscodeWorker): { textures: string[]; positions: Float32Array[] } {
  const bufferViews = createBufferViews(gltf, binChunk);
  const textures = createTextures(worker, gltf, bufferViews);
  const positions = createMeshes(gltf, bufferViews);
  return { textures, positions };
}
