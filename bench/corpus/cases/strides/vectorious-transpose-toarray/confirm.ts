import { expect } from '../../../support/check.js';
import type * as Impl from './fixed.js';

export default function confirm({ array }: typeof Impl): void {
  // The reporter's matrix.
  const x = array([
    [1, 0],
    [0, 1],
    [0, 0],
    [0, 0],
  ]);
  const t = x.T;
  expect(t.get(1, 1) === 1 && t.get(0, 1) === 0, 'indexing the transpose is wrong');
  const got = JSON.stringify(t.toArray());
  expect(got === '[[1,0,0,0],[0,1,0,0]]', `the transpose's toArray() is ${got}, want [[1,0,0,0],[0,1,0,0]]`);
}
