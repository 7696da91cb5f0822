import { expect } from '../../../support/check.js';
import { createModule } from '../../../support/emscripten.js';
import type * as Impl from './fixed.js';

export default function confirm({ glTexImage2D, GL_FLOAT, GL_RGBA }: typeof Impl): void {
  const Module = createModule();
  // A float RGBA texture decoded into memory allocated past the 2 GiB mark.
  Module._set_top(0x8000_0000 + 4096);
  const width = 8;
  const height = 4;
  const texels = Float32Array.from({ length: width * height * 4 }, (_, i) => i / 16);
  const pixels = Module._malloc(texels.byteLength) >>> 0;
  Module.HEAPF32.set(texels, pixels / 4);
  let uploaded: ArrayBufferView | null = null;
  const ctx = {
    texImage2D(...args: unknown[]) {
      uploaded = args[8] as ArrayBufferView | null;
    },
  };
  glTexImage2D(Module, ctx, 0x0de1, 0, GL_RGBA, width, height, 0, GL_RGBA, GL_FLOAT, pixels);
  const got = uploaded as Float32Array | null;
  expect(got !== null && got.length === texels.length, `texImage2D received ${got?.length ?? 0} floats, ${texels.length} were expected`);
  expect(got.every((value, i) => value === texels[i]), 'texImage2D received floats from the wrong place in the heap');
}
