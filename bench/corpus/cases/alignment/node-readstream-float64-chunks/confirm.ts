import { expect } from '../../../support/check.js';
import type * as Impl from './fixed.js';

export default async function confirm({ readFloat64Column }: typeof Impl): Promise<void> {
  // The chunks as fs.ReadStream handed them out when the issue was filed: slices of a shared
  // pool, written one after another with no alignment. Another stream read 13 bytes first, so
  // this stream's chunks start at pool offsets 13 and 77 (Node 20's streams no longer pool, so
  // the pool is laid out here as it was).
  const pool = new ArrayBuffer(64 * 1024);
  const values = Array.from({ length: 16 }, (_, i) => i * 1.25 - 3);
  const first = Buffer.from(pool, 13, 64);
  const second = Buffer.from(pool, 77, 64);
  values.slice(0, 8).forEach((v, i) => first.writeDoubleLE(v, i * 8));
  values.slice(8).forEach((v, i) => second.writeDoubleLE(v, i * 8));
  async function* stream(): AsyncGenerator<Buffer> {
    yield first;
    yield second;
  }

  let column: Float64Array;
  try {
    column = await readFloat64Column(stream());
  } catch (error) {
    throw new Error(`reading the column from pooled chunks failed: ${String(error)}`);
  }
  expect(column.join() === values.join(), `read ${column.join()}`);
}
