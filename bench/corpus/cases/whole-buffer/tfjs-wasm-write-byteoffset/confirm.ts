import { expect, sameBytes } from '../../../support/check.js';
import { createModule } from '../../../support/emscripten.js';
import type * as Impl from './fixed.js';

export default function confirm({ BackendWasm }: typeof Impl): void {
  const backend = new BackendWasm(createModule());
  // A flatbuffer model's tensors are views into the one buffer the model file was read into.
  const modelBuffer = new Int32Array(64).map((_, i) => 1000 + i).buffer;
  const bias = new Int32Array(modelBuffer, 40 * 4, 8);
  const id = backend.write(bias, [8], 'int32');
  const back = backend.readSync(id);
  expect(sameBytes(back, bias), `the tensor holds ${[...back]}, it was created from ${[...bias]}`);
}
