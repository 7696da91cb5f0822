import { expect } from '../../../support/check.js';
import type * as Impl from './fixed.js';

export default function confirm({ encodeRequest }: typeof Impl): void {
  const queue = [encodeRequest(1, 'ping'), encodeRequest(2, 'getUser')];
  const first = queue[0];
  const id = first.readInt32BE(0);
  const method = first.toString('utf8', 8, 8 + first.readInt32BE(4));
  expect(id === 1 && method === 'ping', `the first queued packet now reads id ${id}, method ${JSON.stringify(method)}: encoding the second overwrote it`);
}
