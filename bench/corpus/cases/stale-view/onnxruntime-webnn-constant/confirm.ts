import { expect } from '../../../support/check.js';
import { createModule } from '../../../support/emscripten.js';
import type * as Impl from './fixed.js';

interface Constant {
  buffer: ArrayBufferView;
  size: number;
}

export default function confirm({ ModelBuilder }: typeof Impl): void {
  // An MLGraphBuilder that, like the browser's, keeps each constant's buffer and reads it at build().
  const builder: Impl.GraphBuilder<Constant, Map<string, Float32Array>> = {
    constant: (descriptor, buffer) => ({ buffer, size: descriptor.dimensions.reduce((a, b) => a * b, 1) }),
    build(outputs) {
      const graph = new Map<string, Float32Array>();
      for (const [name, { buffer, size }] of outputs) {
        if (buffer.byteLength !== size * 4) throw new TypeError(`constant '${name}': its buffer is detached`);
        graph.set(name, new Float32Array(buffer.buffer.slice(buffer.byteOffset, buffer.byteOffset + buffer.byteLength)));
      }
      return graph;
    },
  };
  // Three 128x64 weight tensors (32 KB each): unpacking the second one grows the heap.
  const initializers = [0, 1, 2].map(k => ({ name: `w${k}`, dims: [128, 64], floatData: Array.from({ length: 8192 }, (_, i) => ((i + k) % 10) / 4) }));
  const modelBuilder = new ModelBuilder(createModule(), builder);
  modelBuilder.registerInitializers(initializers);
  const graph = modelBuilder.compile();
  for (const tensor of initializers) {
    const data = graph.get(tensor.name)!;
    expect(data.length === 8192 && tensor.floatData.every((v, i) => data[i] === v), `constant '${tensor.name}' holds the wrong weights`);
  }
}
