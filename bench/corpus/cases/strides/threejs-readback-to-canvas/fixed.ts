// Shows what a WebGPU render target holds on a 2D canvas, from the renderer's async readback.
export interface ReadbackRenderer {
  readRenderTargetPixelsAsync(target: object, x: number, y: number, width: number, height: number): Promise<Uint8Array>;
}

export async function drawRenderTarget(
  renderer: ReadbackRenderer,
  target: object,
  ctx: Pick<CanvasRenderingContext2D, 'createImageData' | 'putImageData'>,
  width: number,
  height: number,
): Promise<void> {
  const readbackBuffer = await renderer.readRenderTargetPixelsAsync(target, 0, 0, width, height);
  const imgData = ctx.createImageData(width, height);
  // WebGPU pads every row of a texture-to-buffer copy to a multiple of 256 bytes: unpack the rows.
  const rowBytes = width * 4;
  const bytesPerRow = Math.ceil(rowBytes / 256) * 256;
  for (let y = 0; y < height; y++) {
    imgData.data.set(readbackBuffer.subarray(y * bytesPerRow, y * bytesPerRow + rowBytes), y * rowBytes);
  }
  ctx.putImageData(imgData, 0, 0);
}
