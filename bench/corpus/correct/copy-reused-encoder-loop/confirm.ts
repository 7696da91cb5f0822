import { expect } from '../../support/check.js';
import type * as Impl from './correct.js';

export default function confirm({ encodeBatch, decodeFrame }: typeof Impl): void {
  const requests: Impl.Request[] = [
    { id: 1, method: 'user.get', args: ['alice'] },
    { id: 2, method: 'user.list', args: [] },
    { id: 3, method: 'order.create', args: ['bob', 'x'.repeat(200)] },
    { id: 4, method: 'ping', args: ['a', 'b'] },
  ];
  const frames = encodeBatch(requests);
  expect(frames.length === 4, `encoded ${frames.length} frames`);
  const decoded = frames.map(decodeFrame);
  expect(JSON.stringify(decoded) === JSON.stringify(requests), `frames decode to ${JSON.stringify(decoded.map(r => r.method))}: later requests overwrote earlier frames`);
}
