import { expect } from '../../../support/check.js';
import { countCopies } from '../../../support/copies.js';
import type * as Impl from './fixed.js';

export default async function confirm({ BaseRunner }: typeof Impl): Promise<void> {
  const width = 64;
  const height = 48;
  const frames = Array.from({ length: 30 }, (_, f) => {
    const data = new Uint8ClampedArray(width * height * 4);
    for (let i = 0; i < data.length; i++) data[i] = (i * 7 + f) & 0xff;
    return { width, height, data };
  });
  const options: Impl.TensorOptions = { mean: [127.5, 127.5, 127.5], std: [127.5, 127.5, 127.5] };
  // The model reads the input tensor: the sum of its first channel stands for its output.
  const model = { compute: ([input]: Float32Array[]) => input.reduce((s, v, i) => (i % 3 === 0 ? s + v : s), 0) };
  const runner = new BaseRunner(model);

  const outputs: number[] = [];
  const copies = await countCopies(() => {
    for (const frame of frames) outputs.push(runner.run(frame, options));
  });
  let expected = 0;
  for (let p = 0; p < width * height; p++) expected += (frames[29].data[p * 4] - 127.5) / 127.5;
  expect(Math.abs(outputs[29] - expected) < 1e-3, `the model saw a different input for the last frame (${outputs[29]} vs ${expected})`);
  expect(copies.calls === 0, `30 frames made ${copies.calls} copies (${copies.bytes} bytes) of an input tensor that was already a Float32Array`);
}
