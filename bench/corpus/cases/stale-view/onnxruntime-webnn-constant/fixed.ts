// The WebNN execution provider's model builder (onnxruntime-web): each initializer is unpacked into
// the wasm heap and registered as a WebNN constant operand; the graph is built once all are in.
import type { EmscriptenModule } from '../../../support/emscripten.js';

export interface OperandDescriptor {
  dataType: 'float32';
  dimensions: number[];
}

export interface GraphBuilder<Operand, Graph> {
  constant(descriptor: OperandDescriptor, buffer: ArrayBufferView): Operand;
  build(outputs: Map<string, Operand>): Graph;
}

export interface TensorProto {
  name: string;
  dims: number[];
  floatData: number[];
}

export class ModelBuilder<Operand, Graph> {
  private readonly wnnOperands = new Map<string, Operand>();

  constructor(private readonly Module: EmscriptenModule, private readonly wnnBuilder: GraphBuilder<Operand, Graph>) {}

  registerInitializers(initializers: TensorProto[]): void {
    for (const tensor of initializers) {
      // UnpackInitializerData: the tensor's values go into a heap-allocated vector.
      const unpacked = this.Module._malloc(tensor.floatData.length * Float32Array.BYTES_PER_ELEMENT);
      this.Module.HEAPF32.set(tensor.floatData, unpacked >> 2); // LATENT no-signed-wasm-pointer
      const view = new Float32Array(this.Module.HEAPF32.buffer, unpacked, tensor.floatData.length); // LATENT no-signed-wasm-pointer
      const desc: OperandDescriptor = { dataType: 'float32', dimensions: tensor.dims };
      // The builder keeps the buffer until build(), and later allocations can grow the heap under a
      // view: hand it a copy.
      this.wnnOperands.set(tensor.name, this.wnnBuilder.constant(desc, view.slice()));
    }
  }

  compile(): Graph {
    return this.wnnBuilder.build(this.wnnOperands);
  }
}
