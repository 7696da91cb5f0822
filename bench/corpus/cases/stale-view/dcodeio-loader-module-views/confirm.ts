import { expect } from '../../../support/check.js';
import type * as Impl from './fixed.js';

export default function confirm({ load, reverseString }: typeof Impl): void {
  load();
  expect(reverseString('hello') === 'olleh', 'a short string came back wrong');
  // A long log message: its malloc grows the module's memory.
  const text = 'matrix row '.repeat(10000);
  let result: string;
  try {
    result = reverseString(text);
  } catch (error) {
    throw new Error(`reverseString threw once the memory grew: ${String(error)}`);
  }
  expect(result === [...text].reverse().join(''), 'the long string came back wrong');
}
