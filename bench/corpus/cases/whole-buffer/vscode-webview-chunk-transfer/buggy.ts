// The workbench side of a webview: streams a resource's chunks into the webview's frame over postMessage.
export class VSBuffer {
  static wrap(actual: Uint8Array): VSBuffer {
    return new VSBuffer(actual);
  }
  private constructor(readonly buffer: Uint8Array) {}
  get byteLength(): number {
    return this.buffer.byteLength;
  }
}

export interface WebviewFrame {
  postMessage(message: unknown, transfer: Transferable[]): void;
}

export class WebviewResourceLoader {
  constructor(private readonly frame: WebviewFrame) {}

  private _send(channel: string, data: unknown, transfer: Transferable[]): void {
    this.frame.postMessage({ channel, data }, transfer);
  }

  /** Forwards every chunk of a resource read, as it arrives, then signals the end. */
  async streamResource(id: number, chunks: AsyncIterable<VSBuffer>): Promise<void> {
    for await (const chunk of chunks) {
      const data = new Uint8Array(chunk.buffer.buffer, chunk.buffer.byteOffset, chunk.buffer.byteLength);
      this._send('did-load-resource-chunk', { id, data }, [data.buffer]); // BUG
    }
    this._send('did-load-resource-end', { id }, []);
  }
}
