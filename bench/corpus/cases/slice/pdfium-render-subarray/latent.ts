import { expect } from '../../../support/check.js';
import { createModule } from '../../../support/emscripten.js';
import { placeAbove2GiB } from '../../../support/heap.js';
import type * as Impl from './fixed.js';

// Above 2 GiB the heap hands out addresses whose i32 sign bit is set: they reach JavaScript
// negative, and a view made at one throws or counts from the end of memory.
export default async function latent({ PDFiumPage }: typeof Impl): Promise<void> {
  const heap = createModule();
  if (!placeAbove2GiB(heap._set_top, heap.wasmMemory)) return;
  const module: Impl.PDFiumModule = {
    get HEAPU8() {
      return heap.HEAPU8;
    },
    _malloc: size => heap._malloc(size),
    _free: () => {},
    // The renderer is compiled code: it sees the address unsigned.
    _FPDF_RenderPageBitmap: (buffer, page, width, height) => heap.HEAPU8.fill(0x10 * (page + 1), buffer >>> 0, (buffer >>> 0) + width * height * 4),
  };
  const image = await new PDFiumPage(module, 0, 40, 30).render({ scale: 1 });
  const wrong = image.data.reduce((n, b) => n + (b === 0x10 ? 0 : 1), 0);
  expect(wrong === 0, `${wrong} of ${image.data.length} bytes of a page rendered above 2 GiB are not its pixels`);
}
