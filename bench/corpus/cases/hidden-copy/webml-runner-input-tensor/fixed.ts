// Example runner for the WebNN polyfill: turns each camera frame into the model's input tensor.
export interface FrameSource {
  width: number;
  height: number;
  data: Uint8ClampedArray;
}

export interface TensorOptions {
  mean: [number, number, number];
  std: [number, number, number];
}

/** RGBA pixels to a normalized, channels-last RGB tensor. */
export function getTensorArray(src: FrameSource, options: TensorOptions): Float32Array {
  const tensor = new Float32Array(src.width * src.height * 3);
  for (let p = 0; p < src.width * src.height; p++) {
    for (let c = 0; c < 3; c++) tensor[p * 3 + c] = (src.data[p * 4 + c] - options.mean[c]) / options.std[c];
  }
  return tensor;
}

export class BaseRunner {
  private inputTensor: Float32Array[] = [];

  constructor(private readonly model: { compute(inputs: Float32Array[]): number }) {}

  setInputTensor(src: FrameSource, options: TensorOptions): void {
    // getTensorArray already builds the Float32Array the model takes: use it as the input.
    this.inputTensor = [getTensorArray(src, options)];
  }

  /** Runs the model on one frame (called for every video frame). */
  run(src: FrameSource, options: TensorOptions): number {
    this.setInputTensor(src, options);
    return this.model.compute(this.inputTensor);
  }
}
