import { Readable } from 'node:stream';
import { expect } from '../../../support/check.js';
import { countCopies } from '../../../support/copies.js';
import type * as Impl from './fixed.js';

export default async function confirm({ readOutput }: typeof Impl): Promise<void> {
  // The opt pipeline viewer's case: a lot of output, each 'data' event carrying one short line.
  const lines = Array.from({ length: 4000 }, (_, i) => Buffer.from(`*** IR Dump After Pass ${String(i).padStart(5, '0')} ***\n`));
  const total = lines.reduce((n, line) => n + line.length, 0);
  const expected = lines.map(line => line.toString()).join('');

  let result: Impl.StreamOutput | undefined;
  const copies = await countCopies(async () => {
    result = await readOutput(Readable.from(lines), 10 * total);
  });
  expect(result !== undefined && result.text === expected && !result.truncated, 'the output read back differs from what was printed');
  expect(
    copies.bytes <= 2 * total,
    `reading ${total} bytes of output copied ${copies.bytes} bytes in ${copies.calls} copies: quadratic in the output's length`,
  );

  const limited = await readOutput(Readable.from(lines), 1000);
  expect(limited.truncated && limited.text.startsWith(expected.slice(0, 1000)), 'the output limit is not applied');
}
