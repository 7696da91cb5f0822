import { expect } from '../../support/check.js';
import type * as Impl from './correct.js';

/** A fake GPU whose texture is a width x height RGBA image with texel (i, j) = [i, j, 7, 255]. */
function fakeDevice(imageWidth: number): Impl.ReadbackDevice {
  return {
    createBuffer({ size }) {
      let storage: ArrayBuffer | null = new ArrayBuffer(size);
      new Uint8Array(storage).fill(0xcd);
      const buffer = {
        storage,
        mapAsync: async () => {},
        getMappedRange: () => storage!,
        unmap: () => {
          structuredClone(storage, { transfer: [storage!] });
          storage = null;
        },
        destroy: () => {},
      };
      return buffer;
    },
    createCommandEncoder() {
      return {
        copyTextureToBuffer(source, destination, size) {
          const bytes = new Uint8Array(destination.buffer.getMappedRange());
          for (let row = 0; row < size.height; row++) {
            for (let col = 0; col < size.width; col++) {
              const at = row * destination.bytesPerRow + col * 4;
              bytes.set([source.origin.x + col, source.origin.y + row, 7, 255], at);
            }
          }
          expect(source.origin.x + size.width <= imageWidth, 'copy outside the texture');
        },
        finish: () => ({}),
      };
    },
    queue: { submit: () => {} },
  };
}

export default async function confirm({ readRenderTargetPixels, paddedBytesPerRow }: typeof Impl): Promise<void> {
  expect(paddedBytesPerRow(10, 4) === 256 && paddedBytesPerRow(64, 4) === 256 && paddedBytesPerRow(65, 4) === 512, 'row padding is wrong');
  const pixels = await readRenderTargetPixels(fakeDevice(100), {}, 3, 5, 10, 4);
  expect(pixels.length === 10 * 4 * 4, `got ${pixels.length} bytes for a 10x4 RGBA read`);
  for (let row = 0; row < 4; row++) {
    for (let col = 0; col < 10; col++) {
      const at = (row * 10 + col) * 4;
      expect(pixels[at] === 3 + col && pixels[at + 1] === 5 + row && pixels[at + 2] === 7, `pixel (${col}, ${row}) is [${Array.from(pixels.subarray(at, at + 4))}]: rows were read at the wrong pitch`);
    }
  }
}
