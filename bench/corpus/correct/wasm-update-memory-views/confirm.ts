import { expect, pattern } from '../../support/check.js';
import type * as Impl from './correct.js';

export default function confirm({ load, mean, byteTotal }: typeof Impl): void {
  load();
  for (let round = 0; round < 4; round++) {
    // 24 000 doubles = 192 KB per call: every call grows the memory.
    const values = new Float64Array(24_000).map((_, i) => i + round);
    const expected = values.reduce((a, b) => a + b, 0) / values.length;
    expect(mean(values) === expected, `mean() was wrong in round ${round}`);
    const bytes = pattern(150_000, round);
    expect(byteTotal(bytes) === bytes.reduce((a, b) => a + b, 0), `byteTotal() was wrong in round ${round}`);
  }
}
