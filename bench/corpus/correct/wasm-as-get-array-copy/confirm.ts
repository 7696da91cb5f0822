import { expect, pattern, sameBytes } from '../../support/check.js';
import { instantiateLoader } from '../../support/wasm-as-loader.js';
import type * as Impl from './correct.js';

export default function confirm({ reverseAll, firstBytes }: typeof Impl): void {
  const exports = instantiateLoader();
  const inputs = [pattern(50_000, 1), pattern(90_000, 2), pattern(7, 3)];
  const bufferBefore = exports.memory.buffer;
  const outputs = reverseAll(exports, inputs);
  expect(exports.memory.buffer !== bufferBefore, 'memory did not grow: the check proves nothing');
  outputs.forEach((out, i) => expect(sameBytes(out, inputs[i].slice().reverse()), `output ${i} is wrong after later calls`));
  const heads = firstBytes(exports, inputs);
  heads.forEach((head, i) => expect(sameBytes(head, inputs[i].slice().reverse().subarray(0, 4)), `head ${i} is wrong`));
}
