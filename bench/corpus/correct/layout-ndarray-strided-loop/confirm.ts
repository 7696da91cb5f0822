import { expect } from '../../support/check.js';
import type * as Impl from './correct.js';

export default function confirm({ ndarray, unpack2d, addeq }: typeof Impl): void {
  const m = ndarray(new Float64Array([0, 0, 0, 1, 0, 0, 0, 0, 0]), [3, 3]);
  expect(JSON.stringify(unpack2d(m.transpose(1, 0))) === '[[0,1,0],[0,0,0],[0,0,0]]', 'unpacking a transposed view gave the untransposed matrix');
  const g = ndarray(new Float64Array(Array.from({ length: 12 }, (_, i) => i)), [3, 4]);
  expect(JSON.stringify(unpack2d(g.step(-1, 2))) === '[[8,10],[4,6],[0,2]]', `a reversed, stepped view unpacked as ${JSON.stringify(unpack2d(g.step(-1, 2)))}`);
  expect(JSON.stringify(unpack2d(g.lo(1, 1).hi(2, 2))) === '[[5,6],[9,10]]', 'a sub-block view unpacked wrongly');
  const target = ndarray(new Float64Array(4), [2, 2]);
  addeq(target, g.lo(1, 1).hi(2, 2).transpose(1, 0));
  expect(Array.from(target.data).join() === '5,9,6,10', `adding a transposed block gave ${Array.from(target.data).join()}`);
  expect(g.get(2, 3) === 11 && g.transpose(1, 0).get(3, 2) === 11, 'get() ignores the layout');
}
