import { expect } from '../../../support/check.js';
import { createModule } from '../../../support/emscripten.js';
import type * as Impl from './fixed.js';

/**
 * PDFium's exports over the real heap module. The allocator is dlmalloc-like in the one way that
 * matters here: a freed block goes back on a free list, and the next malloc of that size gets it.
 * Rendering page n paints every pixel's bytes with the value n + 1.
 */
function pdfiumModule(): Impl.PDFiumModule {
  const base = createModule();
  const freeLists = new Map<number, number[]>();
  const sizes = new Map<number, number>();
  const bitmaps = new Map<number, { ptr: number; size: number }>();
  let nextBitmap = 1;
  return {
    get HEAPU8() {
      return base.HEAPU8;
    },
    _malloc(size) {
      const ptr = freeLists.get(size)?.pop() ?? base._malloc(size);
      sizes.set(ptr, size);
      return ptr;
    },
    _free(ptr) {
      const size = sizes.get(ptr);
      if (size === undefined) return;
      sizes.delete(ptr);
      freeLists.set(size, [...(freeLists.get(size) ?? []), ptr]);
    },
    _FPDFBitmap_CreateEx(width, height, format, firstScan, stride) {
      bitmaps.set(nextBitmap, { ptr: firstScan, size: stride * height });
      return nextBitmap++;
    },
    _FPDFBitmap_FillRect(bitmap) {
      const { ptr, size } = bitmaps.get(bitmap)!;
      base.HEAPU8.fill(0xff, ptr, ptr + size);
    },
    _FPDF_RenderPageBitmap(bitmap, page) {
      const { ptr, size } = bitmaps.get(bitmap)!;
      base.HEAPU8.fill(page + 1, ptr, ptr + size);
    },
    _FPDFBitmap_Destroy(bitmap) {
      bitmaps.delete(bitmap);
    },
  };
}

export default async function confirm({ PDFiumPage }: typeof Impl): Promise<void> {
  const module = pdfiumModule();
  // The render function encodes asynchronously (as sharp does): it reads the pixels a tick later.
  const render: Impl.PDFiumPageRenderFunction = async ({ data }) => {
    await new Promise(resolve => setTimeout(resolve, 5));
    return new Uint8Array(data);
  };
  // The library is initialised once and several pages are rendered in parallel.
  const pages = [0, 1, 2].map(index => new PDFiumPage(module, index, 40, 30));
  const images = await Promise.all(pages.map(page => page.render({ render })));
  images.forEach((image, index) => {
    const wrong = image.data.findIndex(byte => byte !== index + 1);
    expect(wrong === -1, `page ${index + 1}'s image has byte ${image.data[wrong]} at ${wrong}: another page was rendered into its freed bitmap`);
  });
}
