import { expect } from '../../../support/check.js';
import { createModule } from '../../../support/emscripten.js';
import type * as Impl from './fixed.js';

export default async function confirm({ PDFiumPage }: typeof Impl): Promise<void> {
  const heap = createModule();
  const module: Impl.PDFiumModule = {
    get HEAPU8() {
      return heap.HEAPU8;
    },
    _malloc: size => heap._malloc(size),
    // PDFium's allocator hands a freed block to the next request of its size; the test heap is a
    // bump allocator, so it is told to reuse the block the same way.
    _free: ptr => heap._set_top(ptr),
    // Stand-in for the renderer: each page paints a solid color of its own.
    _FPDF_RenderPageBitmap: (buffer, page, width, height) => heap.HEAPU8.fill(0x10 * (page + 1), buffer, buffer + width * height * 4),
  };
  const cover = new PDFiumPage(module, 0, 40, 30);
  const back = new PDFiumPage(module, 1, 40, 30);

  // A server renders pages of two requests concurrently and encodes them afterwards.
  const [first, second] = await Promise.all([cover.render({ scale: 1 }), back.render({ scale: 1 })]);
  const wrong = first.data.reduce((n, b) => n + (b === 0x10 ? 0 : 1), 0);
  expect(wrong === 0, `${wrong} of ${first.data.length} bytes of the cover's image hold another page's pixels`);
  expect(second.data.every(b => b === 0x20), 'the back page rendered wrongly');
}
