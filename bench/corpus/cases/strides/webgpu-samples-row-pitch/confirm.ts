import { expect } from '../../../support/check.js';
import type * as Impl from './fixed.js';

// A device that performs copyBufferToTexture as the GPU does: texel (x, y) comes from
// y * rowPitch + x * 4 of the buffer's bytes.
function fakeDevice() {
  const textures = new Map<object, Uint8Array>();
  const device: Impl.SampleDevice = {
    createTexture: ({ size }) => {
      const texture = {};
      textures.set(texture, new Uint8Array(size.width * size.height * 4));
      return texture;
    },
    createBuffer: ({ size }) => {
      const bytes = new Uint8Array(size);
      return Object.assign({ setSubData: (offset: number, data: ArrayBufferView) => bytes.set(new Uint8Array(data.buffer, data.byteOffset, data.byteLength), offset) }, { bytes });
    },
    createCommandEncoder: () => {
      const commands: (() => void)[] = [];
      return {
        copyBufferToTexture(source, destination, size) {
          commands.push(() => {
            const from = (source.buffer as unknown as { bytes: Uint8Array }).bytes;
            const texels = textures.get(destination.texture)!;
            for (let y = 0; y < size.height; y++) texels.set(from.subarray(y * source.rowPitch, y * source.rowPitch + size.width * 4), y * size.width * 4);
          });
        },
        finish: () => commands,
      };
    },
    defaultQueue: { submit: buffers => (buffers as (() => void)[][]).forEach(commands => commands.forEach(run => run())) },
  };
  return { device, textures };
}

export default function confirm({ createTextureFromImage }: typeof Impl): void {
  // The reporter's case: the sample image scaled from 512x512 to 500x500, so rows need padding.
  const width = 500;
  const height = 8;
  const data = new Uint8ClampedArray(width * height * 4);
  for (let p = 0; p < width * height; p++) data.set([p % 251, (p >> 3) % 253, 7, 255], p * 4);
  const { device, textures } = fakeDevice();
  const texture = createTextureFromImage(device, { width, height, data }, 0x4);
  const texels = textures.get(texture)!;
  for (let y = 0; y < height; y++)
    for (let x = 0; x < width; x++) {
      const p = (y * width + x) * 4;
      expect(texels[p] === data[p] && texels[p + 1] === data[p + 1], `texel (${x}, ${y}) is not the image's pixel: the packed image was read with the padded row pitch`);
    }
}
