import { expect } from '../../../support/check.js';
import type * as Impl from './fixed.js';

// A device that validates copyTextureToBuffer as WebGPU does: the buffer must hold every padded
// row but the last. An invalid copy only raises a validation error (here, a console warning in
// the browser); the submitted commands then do nothing and the mapped buffer stays zeroed.
function fakeDevice(texel: (x: number, y: number, c: number) => number) {
  const warnings: string[] = [];
  const device = {
    createBuffer({ size }: { size: number }) {
      const bytes = new ArrayBuffer(size);
      return { size, bytes, mapAsync: async () => {}, getMappedRange: () => bytes };
    },
    createCommandEncoder() {
      const commands: (() => void)[] = [];
      let valid = true;
      return {
        copyTextureToBuffer(
          src: { origin: { x: number; y: number } },
          dst: { buffer: { size: number; bytes: ArrayBuffer }; bytesPerRow: number },
          size: { width: number; height: number },
        ) {
          const needed = (size.height - 1) * dst.bytesPerRow + size.width * 4;
          if (dst.buffer.size < needed) {
            valid = false;
            warnings.push(`copyTextureToBuffer: buffer of ${dst.buffer.size} bytes is too small, ${needed} needed`);
            return;
          }
          commands.push(() => {
            const out = new Uint8Array(dst.buffer.bytes);
            for (let y = 0; y < size.height; y++)
              for (let x = 0; x < size.width; x++)
                for (let c = 0; c < 4; c++) out[y * dst.bytesPerRow + x * 4 + c] = texel(src.origin.x + x, src.origin.y + y, c);
          });
        },
        finish: () => ({ run: () => (valid ? commands.forEach(command => command()) : undefined) }),
      };
    },
    queue: { submit: (buffers: { run(): void }[]) => buffers.forEach(buffer => buffer.run()) },
  };
  return { device: device as unknown as GPUDevice, warnings };
}

export default async function confirm({ WebGPUTextureUtils }: typeof Impl): Promise<void> {
  const texel = (x: number, y: number, c: number) => 1 + ((x + 3 * y + c) % 200);
  const { device, warnings } = fakeDevice(texel);
  const width = 20;
  const height = 10;
  const pixels = await new WebGPUTextureUtils(device).copyTextureToBuffer({} as GPUTexture, 0, 0, width, height);
  expect(warnings.length === 0, warnings.join('; '));
  const bytesPerRow = 256;
  for (let y = 0; y < height; y++)
    for (let x = 0; x < width; x++) expect(pixels[y * bytesPerRow + x * 4] === texel(x, y, 0), `pixel (${x}, ${y}) read back as ${pixels[y * bytesPerRow + x * 4]}`);
}
