import { expect, sameBytes } from '../../../support/check.js';
import type * as Impl from './fixed.js';

export default function confirm({ encodeQuery }: typeof Impl): void {
  const query = encodeQuery(0x1234, 'example.com');
  const expected = Buffer.concat([
    Buffer.from([0x12, 0x34, 0x01, 0x00, 0x00, 0x01, 0, 0, 0, 0, 0, 0]),
    Buffer.from([7]), Buffer.from('example'), Buffer.from([3]), Buffer.from('com'), Buffer.from([0]),
    Buffer.from([0, 1, 0, 1]),
  ]);
  expect(sameBytes(query, expected), `the encoded query is ${Buffer.from(query).toString('hex')}, expected ${expected.toString('hex')}`);
}
