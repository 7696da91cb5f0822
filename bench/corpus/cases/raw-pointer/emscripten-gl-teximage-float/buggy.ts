// Emscripten's WebGL library, JS side (abridged): glTexImage2D finds the pixel data C points at in
// the typed-array view of the heap that matches the GL type, and uploads that subarray.
import type { EmscriptenModule } from '../../../support/emscripten.js';

const GL_UNSIGNED_BYTE = 0x1401;
const GL_FLOAT = 0x1406;
const GL_RGBA = 0x1908;
const GL_RGB = 0x1907;
const GL_ALPHA = 0x1906;

export interface TexImageContext {
  texImage2D(target: number, level: number, internalFormat: number, width: number, height: number, border: number, format: number, type: number, pixels: ArrayBufferView | null): void;
}

export const GL = { unpackAlignment: 4 };

function colorChannelsInGlTextureFormat(format: number): number {
  return format === GL_RGBA ? 4 : format === GL_RGB ? 3 : format === GL_ALPHA ? 1 : 4;
}

function heapObjectForWebGLType(Module: EmscriptenModule, type: number): Uint8Array | Float32Array {
  return type === GL_FLOAT ? Module.HEAPF32 : Module.HEAPU8;
}

function heapAccessShiftForWebGLHeap(heap: { BYTES_PER_ELEMENT: number }): number {
  return 31 - Math.clz32(heap.BYTES_PER_ELEMENT);
}

function computeUnpackAlignedImageSize(width: number, height: number, sizePerPixel: number, alignment: number): number {
  const roundUp = (x: number, y: number) => (x + y - 1) & -y;
  const plainRowSize = width * sizePerPixel;
  const alignedRowSize = roundUp(plainRowSize, alignment);
  return height * alignedRowSize;
}

function emscriptenWebGLGetTexPixelData(Module: EmscriptenModule, type: number, format: number, width: number, height: number, pixels: number): ArrayBufferView {
  const heap = heapObjectForWebGLType(Module, type);
  const shift = heapAccessShiftForWebGLHeap(heap);
  const byteSize = 1 << shift;
  const sizePerPixel = colorChannelsInGlTextureFormat(format) * byteSize;
  const bytes = computeUnpackAlignedImageSize(width, height, sizePerPixel, GL.unpackAlignment);
  return heap.subarray(pixels >> shift, (pixels + bytes) >> shift); // BUG
}

export function glTexImage2D(Module: EmscriptenModule, ctx: TexImageContext, target: number, level: number, internalFormat: number, width: number, height: number, border: number, format: number, type: number, pixels: number): void {
  ctx.texImage2D(target, level, internalFormat, width, height, border, format, type, pixels ? emscriptenWebGLGetTexPixelData(Module, type, format, width, height, pixels) : null);
}

export { GL_FLOAT, GL_RGBA, GL_UNSIGNED_BYTE };
