// PDF tools: uploaded files are kept as bytes for the merge/split/compress tools, and a thumbnail of
// the first page is made with pdf.js when the file is added.
export interface PdfPageProxy {
  render(): Promise<string>;
}
export interface PdfDocumentProxy {
  numPages: number;
  getPage(pageNumber: number): Promise<PdfPageProxy>;
  destroy(): Promise<void>;
}
export interface PdfJsLib {
  getDocument(params: { data: Uint8Array }): { promise: Promise<PdfDocumentProxy> };
}

export interface PdfFile {
  name: string;
  data: Uint8Array;
  thumbnail: string;
}

export class PdfFileStore {
  readonly files: PdfFile[] = [];

  constructor(private readonly pdfjsLib: PdfJsLib) {}

  async addFile(name: string, contents: ArrayBuffer): Promise<PdfFile> {
    const data = new Uint8Array(contents);
    const thumbnail = await this.generateThumbnail(data);
    const file = { name, data, thumbnail };
    this.files.push(file);
    return file;
  }

  private async generateThumbnail(pdfData: Uint8Array): Promise<string> {
    const pdf = await this.pdfjsLib.getDocument({ data: pdfData }).promise; // BUG
    const page = await pdf.getPage(1);
    const thumbnail = await page.render();
    await pdf.destroy();
    return thumbnail;
  }

  /** The bytes every tool (merge, split, compress...) starts from: a copy of the stored file. */
  bytesFor(name: string): Uint8Array {
    const file = this.files.find(f => f.name === name);
    if (file === undefined) throw new Error(`no file named ${name}`);
    return new Uint8Array(file.data);
  }
}
