import { expect } from '../../../support/check.js';
import { countCopies } from '../../../support/copies.js';
import type * as Impl from './fixed.js';

export default async function confirm({ greedyDecode }: typeof Impl): Promise<void> {
  const frames = 400;
  const vocab = 1025;
  const blank = 1024;
  const logits = new Float32Array(frames * vocab);
  const spoken = [5, 5, 17, 300, 300, 9];
  for (let t = 0; t < frames; t++) {
    const winner = t % 4 === 0 ? spoken[(t / 4) % spoken.length] : blank;
    for (let v = 0; v < vocab; v++) logits[t * vocab + v] = v === winner ? 5 : Math.sin(t + v);
  }

  let tokens: number[] = [];
  const copies = await countCopies(() => {
    tokens = greedyDecode(logits, frames, vocab, blank);
  });
  expect(tokens.slice(0, 6).join() === '5,5,17,300,300,9', `decoded ${tokens.slice(0, 6).join()}`);
  expect(copies.calls === 0, `decoding ${frames} frames made ${copies.calls} copies (${copies.bytes} bytes): every frame's row of logits is copied to be read once`);
}
