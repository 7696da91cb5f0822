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
      // The chunk may be a view into a larger buffer shared with other views (one IPC message
      // deserialized into many): only a buffer the chunk owns whole may be transferred.
      const view = chunk.buffer;
      const data = view.byteOffset === 0 && view.byteLength === view.buffer.byteLength ? view : view.slice();
      this._send('did-load-resource-chunk', { id, data }, [data.buffer]);
    }
    this._send('did-load-resource-end', { id }, []);
  }
}
