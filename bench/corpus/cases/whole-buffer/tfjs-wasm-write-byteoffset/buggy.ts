// The wasm backend's tensor storage: values are copied into the module's heap when a tensor is created.
import type { EmscriptenModule } from '../../../support/emscripten.js';

type DataType = 'float32' | 'int32';
type TypedArray = Float32Array | Int32Array;

interface TensorData {
  memoryOffset: number;
  shape: number[];
  dtype: DataType;
}

const BYTES_PER_ELEMENT: Record<DataType, number> = { float32: 4, int32: 4 };

export class BackendWasm {
  private readonly dataIdMap = new Map<object, TensorData>();

  constructor(private readonly wasm: EmscriptenModule) {}

  write(values: TypedArray | null, shape: number[], dtype: DataType): object {
    const dataId = {};
    const size = shape.reduce((a, b) => a * b, 1);
    const numBytes = size * BYTES_PER_ELEMENT[dtype];
    const memoryOffset = this.wasm._malloc(numBytes);
    this.dataIdMap.set(dataId, { memoryOffset, shape, dtype });
    if (values != null) {
      this.wasm.HEAPU8.set(new Uint8Array(values.buffer, 0, numBytes), memoryOffset); // BUG
    }
    return dataId;
  }

  readSync(dataId: object): TypedArray {
    const { memoryOffset, shape, dtype } = this.dataIdMap.get(dataId)!;
    const size = shape.reduce((a, b) => a * b, 1);
    const bytes = this.wasm.HEAPU8.slice(memoryOffset, memoryOffset + size * BYTES_PER_ELEMENT[dtype]);
    return dtype === 'float32' ? new Float32Array(bytes.buffer) : new Int32Array(bytes.buffer);
  }
}
