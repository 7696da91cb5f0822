import { expect } from '../../../support/check.js';
import type * as Impl from './fixed.js';

export default function confirm({ random }: typeof Impl): void {
  const small = random.getRandomBytes(32n);
  expect(small.some(b => b !== 0), 'a 32-byte request came back all zero');
  // A guest asking for more than 64 KiB at once (e.g. seeding a large buffer).
  const large = random.getRandomBytes(200_000n);
  expect(large.length === 200_000, `got ${large.length} bytes`);
  const zeros = large.reduce((n, b) => n + (b === 0 ? 1 : 0), 0);
  // Random bytes are zero about 1 time in 256; a fill that landed nowhere leaves them all zero.
  expect(zeros < 2000, `${zeros} of 200000 "random" bytes are zero`);
}
