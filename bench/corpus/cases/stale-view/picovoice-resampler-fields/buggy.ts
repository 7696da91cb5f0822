// A resampler over a wasm DSP core: each input frame is copied into a wasm block, the core's process
// export resamples it (allocating its output block), and the samples are read back out.
import type { HeapExports } from '../../../support/heap.js';

export class Resampler {
  private readonly _inputBufferAddress: number;
  private readonly _memoryBuffer: Int16Array;
  private readonly _memoryBufferView: DataView;

  private constructor(
    private readonly _wasm: HeapExports,
    private readonly _inputBufferLength: number,
  ) {
    this._inputBufferAddress = _wasm.malloc(_inputBufferLength * Int16Array.BYTES_PER_ELEMENT);
    this._memoryBuffer = new Int16Array(_wasm.memory.buffer);
    this._memoryBufferView = new DataView(_wasm.memory.buffer);
  }

  public static create(wasm: HeapExports, inputBufferLength: number): Resampler {
    return new Resampler(wasm, inputBufferLength);
  }

  /** Runs one frame through the core; returns how many samples it wrote to `outputBuffer`. */
  public process(inputFrame: Int16Array | Float32Array, outputBuffer: Int16Array): number {
    if (inputFrame.length > this._inputBufferLength) {
      throw new Error(`InputFrame length '${inputFrame.length}' must be smaller than ${this._inputBufferLength}.`);
    }
    let inputBuffer: Int16Array = new Int16Array(inputFrame.length);
    if (inputFrame instanceof Float32Array) {
      for (let i = 0; i < inputFrame.length; i++) {
        inputBuffer[i] = inputFrame[i] < 0 ? 0x8000 * inputFrame[i] : 0x7fff * inputFrame[i];
      }
    } else {
      inputBuffer = inputFrame;
    }

    this._memoryBuffer.set(inputBuffer, this._inputBufferAddress / Int16Array.BYTES_PER_ELEMENT); // BUG
    const outputBufferAddress = this._wasm.reverse(this._inputBufferAddress, inputBuffer.byteLength);
    for (let i = 0; i < inputBuffer.length; i++) {
      outputBuffer[i] = this._memoryBufferView.getInt16(outputBufferAddress + i * Int16Array.BYTES_PER_ELEMENT, true); // BUG
    }
    return inputBuffer.length;
  }
}
