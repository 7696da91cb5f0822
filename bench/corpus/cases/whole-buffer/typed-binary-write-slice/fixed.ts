// A schema serializer's output stream: writes bytes, numbers and raw slices into a target buffer.
interface UnwrappedBuffer {
  buffer: ArrayBufferLike;
  byteOffset: number;
  byteLength: number;
}

/** Peels one view layer off `buffer` so a new view can be made over the same memory without a copy. */
export function unwrapBuffer(buffer: ArrayBufferLike | ArrayBufferView): UnwrappedBuffer {
  let byteOffset = 0;
  let inner: ArrayBufferLike | ArrayBufferView = buffer;
  if ('buffer' in inner && 'byteOffset' in inner) {
    byteOffset += inner.byteOffset;
    inner = inner.buffer;
  }
  return { buffer: inner as ArrayBufferLike, byteOffset, byteLength: buffer.byteLength };
}

export class BufferWriter {
  private readonly uint8View: Uint8Array;
  private byteOffset = 0;

  constructor(target: ArrayBufferLike | ArrayBufferView) {
    const unwrapped = unwrapBuffer(target);
    this.uint8View = new Uint8Array(unwrapped.buffer, unwrapped.byteOffset, unwrapped.byteLength);
  }

  get currentByteOffset(): number {
    return this.byteOffset;
  }

  writeByte(value: number): void {
    this.uint8View[this.byteOffset++] = Math.floor(value) % 256;
  }

  writeSlice(bufferView: ArrayLike<number> & ArrayBufferView): void {
    const unwrapped = unwrapBuffer(bufferView);
    const srcU8 = new Uint8Array(unwrapped.buffer, unwrapped.byteOffset, unwrapped.byteLength);
    for (const srcByte of srcU8) {
      this.uint8View[this.byteOffset++] = srcByte;
    }
  }
}
