import { expect } from '../../../support/check.js';
import { createModule } from '../../../support/emscripten.js';
import { placeAbove2GiB } from '../../../support/heap.js';
import type * as Impl from './fixed.js';

// Above 2 GiB the heap hands out addresses whose i32 sign bit is set: they reach JavaScript
// negative, and a view made at one throws or counts from the end of memory.
export default function latent({ ModelBuilder }: typeof Impl): void {
  const Module = createModule();
  if (!placeAbove2GiB(Module._set_top, Module.wasmMemory)) return;
  const builder: Impl.GraphBuilder<ArrayBufferView, ArrayBufferView[]> = { constant: (_descriptor, buffer) => buffer, build: outputs => [...outputs.values()] };
  const modelBuilder = new ModelBuilder(Module, builder);
  const floatData = [0.25, 0.5, 0.75, 1];
  modelBuilder.registerInitializers([{ name: 'w', dims: [4], floatData }]);
  const [data] = modelBuilder.compile() as Float32Array[];
  expect(data !== undefined && floatData.every((v, i) => data[i] === v), 'the constant unpacked above 2 GiB holds the wrong weights');
}
