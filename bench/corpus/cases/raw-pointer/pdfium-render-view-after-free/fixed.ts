// PDFium compiled to wasm, page rendering: the page is drawn into a BGRA bitmap in the wasm heap,
// then handed to a user-supplied render function (sharp, canvas...) that encodes the image.
export interface PDFiumModule {
  HEAPU8: Uint8Array;
  _malloc(size: number): number;
  _free(ptr: number): void;
  _FPDFBitmap_CreateEx(width: number, height: number, format: number, firstScan: number, stride: number): number;
  _FPDFBitmap_FillRect(bitmap: number, left: number, top: number, width: number, height: number, color: number): void;
  _FPDF_RenderPageBitmap(bitmap: number, page: number, startX: number, startY: number, sizeX: number, sizeY: number, rotate: number, flags: number): void;
  _FPDFBitmap_Destroy(bitmap: number): void;
}

export type PDFiumPageRenderFunction = (options: { data: Uint8Array; width: number; height: number }) => Promise<Uint8Array>;

const FPDFBitmap_BGRA = 4;
const FPDF_ANNOT = 0x01;
const FPDF_LCD_TEXT = 0x02;

export class PDFiumPage {
  constructor(private readonly module: PDFiumModule, private readonly pageIdx: number, private readonly pageWidth: number, private readonly pageHeight: number) {}

  async render({ scale = 1, render }: { scale?: number; render: PDFiumPageRenderFunction }): Promise<{ data: Uint8Array; width: number; height: number }> {
    const width = Math.floor(this.pageWidth * scale);
    const height = Math.floor(this.pageHeight * scale);
    const buffItemSize = 4;
    const stride = width * buffItemSize;
    const buffSize = width * height * buffItemSize;

    const buffPtr = this.module._malloc(buffSize);
    this.module.HEAPU8.fill(0, buffPtr, buffPtr + buffSize); // LATENT no-signed-wasm-pointer

    const bitmap = this.module._FPDFBitmap_CreateEx(width, height, FPDFBitmap_BGRA, buffPtr, stride);
    this.module._FPDFBitmap_FillRect(bitmap, 0, 0, width, height, 0xffffffff);
    this.module._FPDF_RenderPageBitmap(bitmap, this.pageIdx, 0, 0, width, height, 0, FPDF_ANNOT | FPDF_LCD_TEXT);
    this.module._FPDFBitmap_Destroy(bitmap);

    // Copy the pixels out before freeing: the block goes back to the allocator, and another render
    // can be handed it (and draw over it) while `render` is still encoding this page.
    const data = this.module.HEAPU8.slice(buffPtr, buffPtr + buffSize); // LATENT no-signed-wasm-pointer
    this.module._free(buffPtr);

    const image = await render({ data, width, height });
    return { data: image, width, height };
  }
}
