// WebGPU backend: reads a region of a texture back into CPU memory.
const GPU_BUFFER_USAGE_MAP_READ = 0x0001;
const GPU_BUFFER_USAGE_COPY_DST = 0x0008;
const GPU_MAP_MODE_READ = 0x0001;

export class WebGPUTextureUtils {
  constructor(private readonly device: GPUDevice) {}

  async copyTextureToBuffer(texture: GPUTexture, x: number, y: number, width: number, height: number, faceIndex = 0): Promise<Uint8Array> {
    const device = this.device;
    const bytesPerTexel = 4; // rgba8unorm
    let bytesPerRow = width * bytesPerTexel;
    bytesPerRow = Math.ceil(bytesPerRow / 256) * 256; // Align to 256 bytes
    const readBuffer = device.createBuffer({
      size: (height - 1) * bytesPerRow + width * bytesPerTexel,
      usage: GPU_BUFFER_USAGE_COPY_DST | GPU_BUFFER_USAGE_MAP_READ,
    });
    const encoder = device.createCommandEncoder();
    encoder.copyTextureToBuffer({ texture, origin: { x, y, z: faceIndex } }, { buffer: readBuffer, bytesPerRow }, { width, height });
    device.queue.submit([encoder.finish()]);
    await readBuffer.mapAsync(GPU_MAP_MODE_READ);
    return new Uint8Array(readBuffer.getMappedRange());
  }
}
