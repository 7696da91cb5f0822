import { expect } from '../../../support/check.js';
import { createModule } from '../../../support/emscripten.js';
import { placeAbove2GiB } from '../../../support/heap.js';
import type * as Impl from './fixed.js';

// Above 2 GiB the heap hands out addresses whose i32 sign bit is set: they reach JavaScript
// negative, and a view made at one throws or counts from the end of memory.
export default async function latent({ PDFiumPage }: typeof Impl): Promise<void> {
  const base = createModule();
  if (!placeAbove2GiB(base._set_top, base.wasmMemory)) return;
  const bitmaps = new Map<number, { ptr: number; size: number }>();
  // The bitmap functions are compiled code: they see the address unsigned.
  const module: Impl.PDFiumModule = {
    get HEAPU8() {
      return base.HEAPU8;
    },
    _malloc: size => base._malloc(size),
    _free: () => {},
    _FPDFBitmap_CreateEx: (_width, height, _format, firstScan, stride) => (bitmaps.set(1, { ptr: firstScan >>> 0, size: stride * height }), 1),
    _FPDFBitmap_FillRect: () => {},
    _FPDF_RenderPageBitmap: (bitmap, page) => {
      const { ptr, size } = bitmaps.get(bitmap)!;
      base.HEAPU8.fill(page + 1, ptr, ptr + size);
    },
    _FPDFBitmap_Destroy: () => {},
  };
  const image = await new PDFiumPage(module, 0, 40, 30).render({ render: async ({ data }) => new Uint8Array(data) });
  const wrong = image.data.findIndex(byte => byte !== 1);
  expect(wrong === -1, `the page rendered above 2 GiB has byte ${image.data[wrong]} at ${wrong}`);
}
