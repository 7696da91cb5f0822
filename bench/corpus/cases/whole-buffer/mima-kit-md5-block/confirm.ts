import { createHash } from 'node:crypto';
import { expect, pattern } from '../../../support/check.js';
import type * as Impl from './fixed.js';

export default function confirm({ md5 }: typeof Impl): void {
  // A 64-byte message pads to two blocks (the regression test from the fix), 100 bytes likewise.
  for (const length of [3, 64, 100]) {
    const message = pattern(length, 0x21);
    const got = Buffer.from(md5(message)).toString('hex');
    const expected = createHash('md5').update(message).digest('hex');
    expect(got === expected, `md5 of a ${length}-byte message is ${got}, expected ${expected}`);
  }
}
