import { Readable } from 'node:stream';
import { expect, pattern, sameBytes } from '../../../support/check.js';
import { countCopies } from '../../../support/copies.js';
import type * as Impl from './fixed.js';

export default async function confirm({ processFile }: typeof Impl): Promise<void> {
  // A 256 KiB upload arriving as busboy delivers it: many small 'data' events.
  const chunks = Array.from({ length: 256 }, (_, i) => Buffer.from(pattern(1024, i).buffer));
  const total = chunks.reduce((n, chunk) => n + chunk.length, 0);
  const expected = new Uint8Array(total);
  chunks.forEach((chunk, i) => expected.set(chunk, i * 1024));

  const stream = Readable.from(chunks);
  let data: Buffer | undefined;
  const copies = await countCopies(
    () =>
      new Promise<void>((resolve, reject) => {
        stream.on('error', reject);
        processFile(stream, 'photo.jpg', 'image/jpeg', upload => {
          data = upload.data;
          resolve();
        });
      }),
  );
  expect(data !== undefined && sameBytes(data, expected), 'the upload does not hold the bytes that were sent');
  expect(
    copies.bytes <= 2 * total,
    `collecting a ${total}-byte upload copied ${copies.bytes} bytes in ${copies.calls} copies: the whole file is copied again on every chunk`,
  );
}
