import { expect, pattern } from '../../support/check.js';
import type * as Impl from './correct.js';

export default function confirm({ StreamChecksum }: typeof Impl): void {
  const parts = [pattern(300_000, 1), pattern(5, 2), pattern(140_000, 7)];
  const expected = parts.reduce((sum, part) => sum + part.reduce((a, b) => a + b, 0), 0);
  const checksum = new StreamChecksum();
  for (const part of parts) checksum.update(part);
  expect(checksum.digest() === expected, 'the checksum over several updates is wrong');
}
