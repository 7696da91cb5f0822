import { expect, pattern } from '../../support/check.js';
import { instantiateLoader } from '../../support/wasm-as-loader.js';
import type * as Impl from './correct.js';

export default function confirm({ checksumOf }: typeof Impl): void {
  const exports = instantiateLoader();
  for (const size of [10, 70_000, 200_000]) {
    const samples = pattern(size, size);
    const bufferBefore = exports.memory.buffer;
    const sum = checksumOf(exports, samples);
    expect(sum === samples.reduce((a, b) => a + b, 0), `checksum of ${size} bytes is wrong`);
    if (size === 200_000) expect(exports.memory.buffer !== bufferBefore, 'memory did not grow: the check proves nothing');
  }
}
