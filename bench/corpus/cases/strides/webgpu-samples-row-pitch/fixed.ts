// WebGPU samples helper (2019 API): uploads an image's pixels to a texture through a buffer
// whose rows must be a multiple of 256 bytes apart.
export interface SampleBuffer {
  setSubData(offset: number, data: ArrayBufferView): void;
}

export interface SampleDevice {
  createTexture(descriptor: { size: { width: number; height: number; depth: number }; format: 'rgba8unorm'; usage: number }): object;
  createBuffer(descriptor: { size: number; usage: number }): SampleBuffer;
  createCommandEncoder(descriptor: object): {
    copyBufferToTexture(
      source: { buffer: SampleBuffer; rowPitch: number; imageHeight: number },
      destination: { texture: object },
      size: { width: number; height: number; depth: number },
    ): void;
    finish(): object;
  };
  defaultQueue: { submit(commandBuffers: object[]): void };
}

const TEXTURE_USAGE_COPY_DST = 0x2;
const BUFFER_USAGE_COPY_SRC = 0x4;
const BUFFER_USAGE_COPY_DST = 0x8;

/** `imageData` as a 2D canvas's getImageData returns it: tightly packed RGBA rows. */
export function createTextureFromImage(device: SampleDevice, imageData: { width: number; height: number; data: Uint8ClampedArray }, usage: number): object {
  const { width, height } = imageData;
  let data: Uint8Array | Uint8ClampedArray;
  const rowPitch = Math.ceil((width * 4) / 256) * 256;
  if (rowPitch == width * 4) {
    data = imageData.data;
  } else {
    data = new Uint8Array(rowPitch * height);
    let imagePixelIndex = 0;
    for (let y = 0; y < height; ++y) {
      for (let x = 0; x < width; ++x) {
        const i = x * 4 + y * rowPitch;
        for (let c = 0; c < 4; ++c) data[i + c] = imageData.data[imagePixelIndex + c];
        imagePixelIndex += 4;
      }
    }
  }

  const texture = device.createTexture({ size: { width, height, depth: 1 }, format: 'rgba8unorm', usage: TEXTURE_USAGE_COPY_DST | usage });
  const textureDataBuffer = device.createBuffer({ size: data.byteLength, usage: BUFFER_USAGE_COPY_DST | BUFFER_USAGE_COPY_SRC });
  textureDataBuffer.setSubData(0, data);

  const commandEncoder = device.createCommandEncoder({});
  commandEncoder.copyBufferToTexture({ buffer: textureDataBuffer, rowPitch, imageHeight: 0 }, { texture }, { width, height, depth: 1 });
  device.defaultQueue.submit([commandEncoder.finish()]);
  return texture;
}
