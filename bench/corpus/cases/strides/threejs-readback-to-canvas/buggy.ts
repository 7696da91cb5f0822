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
  imgData.data.set(readbackBuffer); // BUG
  ctx.putImageData(imgData, 0, 0);
}
