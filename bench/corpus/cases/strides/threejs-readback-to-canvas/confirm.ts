import { expect } from '../../../support/check.js';
import type * as Impl from './fixed.js';

export default async function confirm({ drawRenderTarget }: typeof Impl): Promise<void> {
  const width = 50;
  const height = 6;
  const texel = (x: number, y: number, c: number) => (x * 5 + y * 40 + c) & 0xff;
  // The renderer's readback as the WebGPU backend returns it: rows 256-byte aligned, the last
  // one unpadded, padding bytes left as garbage.
  const bytesPerRow = 256;
  const renderer: Impl.ReadbackRenderer = {
    async readRenderTargetPixelsAsync(_target, _x, _y, w, h) {
      const out = new Uint8Array((h - 1) * bytesPerRow + w * 4).fill(0xee);
      for (let y = 0; y < h; y++) for (let x = 0; x < w; x++) for (let c = 0; c < 4; c++) out[y * bytesPerRow + x * 4 + c] = texel(x, y, c);
      return out;
    },
  };
  let shown: { data: Uint8ClampedArray } | undefined;
  const ctx = {
    createImageData: (w: number, h: number) => ({ width: w, height: h, colorSpace: 'srgb', data: new Uint8ClampedArray(w * h * 4) }),
    putImageData: (image: { data: Uint8ClampedArray }) => {
      shown = image;
    },
  } as unknown as Pick<CanvasRenderingContext2D, 'createImageData' | 'putImageData'>;

  try {
    await drawRenderTarget(renderer, {}, ctx, width, height);
  } catch (error) {
    expect(false, `drawing the readback threw: ${String(error)}`);
  }
  expect(shown !== undefined, 'nothing was put on the canvas');
  for (let y = 0; y < height; y++)
    for (let x = 0; x < width; x++)
      for (let c = 0; c < 4; c++) {
        expect(shown.data[(y * width + x) * 4 + c] === texel(x, y, c), `canvas pixel (${x}, ${y}) is not the render target's pixel: the padded rows were read as packed`);
      }
}
