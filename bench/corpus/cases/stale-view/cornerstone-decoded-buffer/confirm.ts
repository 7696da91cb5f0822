import { expect, pattern, sameBytes } from '../../../support/check.js';
import { createModule } from '../../../support/emscripten.js';
import type * as Impl from './fixed.js';

export default function confirm({ decodeFrame }: typeof Impl): void {
  const Module = createModule();
  // The embind decoder: its buffers live in the wasm heap and are handed out as typed_memory_views;
  // "decoding" writes the frame into a freshly allocated output buffer.
  const createDecoder = (): Impl.HTJ2KDecoder => {
    let encoded = 0;
    let decoded = 0;
    let length = 0;
    return {
      getEncodedBuffer(n) {
        length = n;
        encoded = Module._malloc(n);
        return Module.HEAPU8.subarray(encoded, encoded + n);
      },
      decode() {
        decoded = Module._reverse(encoded, length);
      },
      getFrameInfo: () => ({ width: length / 2, height: 1, bitsPerSample: 16, componentCount: 1 }),
      getDecodedBuffer: () => Module.HEAPU8.subarray(decoded, decoded + length),
    };
  };
  // A series of 30 KB frames: decoding the second one grows the heap.
  const frames = [0, 1, 2].map(i => pattern(30000, 17 * i));
  const images = frames.map(frame => decodeFrame(createDecoder, frame, { reuseDecoder: true }));
  images.forEach((image, i) => {
    expect(sameBytes(image.imageFrame, frames[i].slice().reverse()), `frame ${i}: its pixel data is gone (${image.imageFrame.length} bytes left) after later frames were decoded`);
  });
}
