// Decoding DICOM image frames with an embind HTJ2K codec (a codec factory in the style of
// cornerstone's): the decoder object hands out typed_memory_views of its buffers in the wasm heap.
export interface FrameInfo {
  width: number;
  height: number;
  bitsPerSample: number;
  componentCount: number;
}

export interface HTJ2KDecoder {
  getEncodedBuffer(length: number): Uint8Array;
  decode(): void;
  getFrameInfo(): FrameInfo;
  getDecodedBuffer(): Uint8Array;
}

export interface DecodedImage {
  frameInfo: FrameInfo;
  imageFrame: Uint8Array;
}

let cachedDecoder: HTJ2KDecoder | undefined;

/** The decoder's buffers are live windows onto the wasm heap: hand callers a copy. */
function copyFromWasm(view: Uint8Array): Uint8Array {
  return view.slice();
}

export function decodeFrame(createDecoder: () => HTJ2KDecoder, encoded: Uint8Array, options: { reuseDecoder?: boolean } = {}): DecodedImage {
  const decoder = options.reuseDecoder ? (cachedDecoder ??= createDecoder()) : createDecoder();
  const encodedBufferInWASM = decoder.getEncodedBuffer(encoded.length);
  encodedBufferInWASM.set(encoded);
  decoder.decode();
  const frameInfo = decoder.getFrameInfo();
  const decodedBuffer = decoder.getDecodedBuffer();
  return { frameInfo, imageFrame: copyFromWasm(decodedBuffer) };
}
