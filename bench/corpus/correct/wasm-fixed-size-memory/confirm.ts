import { expect, pattern } from '../../support/check.js';
import type * as Impl from './correct.js';

export default function confirm({ checksum }: typeof Impl): void {
  for (const size of [0, 17, 131_072, 400_001]) {
    const data = pattern(size, size);
    expect(checksum(data) === data.reduce((a, b) => a + b, 0), `checksum of ${size} bytes is wrong`);
  }
  // What makes the kept view safe: such a memory refuses to grow.
  const fixed = new WebAssembly.Memory({ initial: 2, maximum: 2 });
  let grew = true;
  try {
    fixed.grow(1);
  } catch {
    grew = false;
  }
  expect(!grew, 'a memory with maximum === initial grew');
}
