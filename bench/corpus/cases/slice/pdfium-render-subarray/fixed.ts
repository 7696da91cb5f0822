// A PDFium (Emscripten) wrapper: renders a page into a bitmap in the wasm heap and returns its pixels.
export interface PDFiumModule {
  HEAPU8: Uint8Array;
  _malloc(size: number): number;
  _free(ptr: number): void;
  /** Renders page `page` as BGRA into the `width` x `height` bitmap at `buffer`. */
  _FPDF_RenderPageBitmap(buffer: number, page: number, width: number, height: number): void;
}

export interface RenderedImage {
  width: number;
  height: number;
  data: Uint8Array;
}

export class PDFiumPage {
  constructor(
    private readonly module: PDFiumModule,
    private readonly pageIdx: number,
    readonly width: number,
    readonly height: number,
  ) {}

  async render(options: { scale: number }): Promise<RenderedImage> {
    const width = Math.floor(this.width * options.scale);
    const height = Math.floor(this.height * options.scale);
    const buffSize = width * height * 4;
    const ptr = this.module._malloc(buffSize);
    try {
      this.module._FPDF_RenderPageBitmap(ptr, this.pageIdx, width, height);
      // Copy the pixels out: the bitmap's memory is freed below and reused by the next render.
      const data = this.module.HEAPU8.slice(ptr, ptr + buffSize); // LATENT no-signed-wasm-pointer
      return { width, height, data };
    } finally {
      this.module._free(ptr);
    }
  }
}
