// Reading pixels back from a WebGPU render target (three.js's WebGPUTextureUtils.copyTextureToBuffer
// path): copyTextureToBuffer needs bytesPerRow padded to 256, so the mapped buffer holds each row at
// that pitch. The rows are read at the padded pitch and packed tight before the buffer is unmapped.
const BUFFER_USAGE_MAP_READ = 0x0001;
const BUFFER_USAGE_COPY_DST = 0x0008;
const MAP_MODE_READ = 0x0001;
const BYTES_PER_ROW_ALIGNMENT = 256;

export interface ReadbackBuffer {
  mapAsync(mode: number): Promise<void>;
  getMappedRange(): ArrayBuffer;
  unmap(): void;
  destroy(): void;
}

export interface ReadbackDevice {
  createBuffer(descriptor: { size: number; usage: number }): ReadbackBuffer;
  createCommandEncoder(): {
    copyTextureToBuffer(
      source: { texture: unknown; origin: { x: number; y: number } },
      destination: { buffer: ReadbackBuffer; bytesPerRow: number },
      size: { width: number; height: number },
    ): void;
    finish(): unknown;
  };
  queue: { submit(commandBuffers: unknown[]): void };
}

export function paddedBytesPerRow(width: number, bytesPerTexel: number): number {
  return Math.ceil((width * bytesPerTexel) / BYTES_PER_ROW_ALIGNMENT) * BYTES_PER_ROW_ALIGNMENT;
}

/** The pixels of a width x height rectangle at (x, y), rows packed tight (as a canvas ImageData wants them). */
export async function readRenderTargetPixels(device: ReadbackDevice, texture: unknown, x: number, y: number, width: number, height: number, bytesPerTexel = 4): Promise<Uint8Array> {
  const bytesPerRow = paddedBytesPerRow(width, bytesPerTexel);
  const rowBytes = width * bytesPerTexel;
  const readBuffer = device.createBuffer({
    size: (height - 1) * bytesPerRow + rowBytes,
    usage: BUFFER_USAGE_COPY_DST | BUFFER_USAGE_MAP_READ,
  });
  const encoder = device.createCommandEncoder();
  encoder.copyTextureToBuffer({ texture, origin: { x, y } }, { buffer: readBuffer, bytesPerRow }, { width, height });
  device.queue.submit([encoder.finish()]);

  await readBuffer.mapAsync(MAP_MODE_READ);
  const mapped = new Uint8Array(readBuffer.getMappedRange());
  const pixels = new Uint8Array(rowBytes * height);
  for (let row = 0; row < height; row++) {
    const start = row * bytesPerRow;
    pixels.set(mapped.subarray(start, start + rowBytes), row * rowBytes);
  }
  readBuffer.unmap();
  readBuffer.destroy();
  return pixels;
}
