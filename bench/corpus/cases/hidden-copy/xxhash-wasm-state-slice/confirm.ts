import { expect, pattern } from '../../../support/check.js';
import { countCopies } from '../../../support/copies.js';
import type * as Impl from './fixed.js';

// Stands in for the compiled module: a 32-bit FNV-1a over real wasm memory, its state (length,
// accumulator, seed) at statePtr, so the glue's copies in and out of memory are what is measured.
function fakeModule(): Impl.XXHashExports {
  const mem = new WebAssembly.Memory({ initial: 1 });
  const view = () => new DataView(mem.buffer);
  return {
    mem,
    init32(statePtr, seed) {
      view().setUint32(statePtr, 0, true);
      view().setUint32(statePtr + 4, (0x811c9dc5 ^ seed) >>> 0, true);
    },
    update32(statePtr, inputPtr, length) {
      const v = view();
      let acc = v.getUint32(statePtr + 4, true);
      for (let i = 0; i < length; i++) acc = Math.imul(acc ^ v.getUint8(inputPtr + i), 16777619) >>> 0;
      v.setUint32(statePtr + 4, acc, true);
      v.setUint32(statePtr, v.getUint32(statePtr, true) + length, true);
    },
    digest32(statePtr) {
      return view().getUint32(statePtr + 4, true) ^ view().getUint32(statePtr, true);
    },
  };
}

export default async function confirm({ xxhash }: typeof Impl): Promise<void> {
  const pieces = Array.from({ length: 200 }, (_, i) => pattern(64, i));
  const whole = new Uint8Array(200 * 64);
  pieces.forEach((piece, i) => whole.set(piece, i * 64));
  const expected = xxhash(fakeModule()).create32(7).update(whole).digest();

  const { create32 } = xxhash(fakeModule());
  let digest = 0;
  const copies = await countCopies(() => {
    const hasher = create32(7);
    for (const piece of pieces) hasher.update(piece);
    digest = hasher.digest();
  });
  expect(digest === expected, `streaming digest ${digest} differs from the one-shot digest ${expected}`);
  expect(copies.calls === 0, `200 updates made ${copies.calls} copies (${copies.bytes} bytes) of the state only to copy them again into the state`);
}
