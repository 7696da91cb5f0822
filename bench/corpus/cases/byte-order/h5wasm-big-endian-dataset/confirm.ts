import { expect } from '../../../support/check.js';
import type * as Impl from './fixed.js';

export default function confirm({ processData }: typeof Impl): void {
  // The reporter's datasets, written by h5py with dtype '>f8' and '>i8'.
  const floats = [0.01, 0.02, 0.03, 0.04, 0.05];
  const fBytes = new Uint8Array(floats.length * 8);
  floats.forEach((v, i) => new DataView(fBytes.buffer).setFloat64(i * 8, v, false));
  const f = processData(fBytes, { type: 'float', size: 8, signed: true, littleEndian: false });
  expect(Array.from(f as Float64Array).join() === floats.join(), `the '>f8' dataset reads as ${Array.from(f as Float64Array).join()}`);

  const iBytes = new Uint8Array(8 * 8);
  for (let i = 0; i < 8; i++) new DataView(iBytes.buffer).setBigInt64(i * 8, BigInt(i), false);
  const ints = processData(iBytes, { type: 'int', size: 8, signed: true, littleEndian: false }) as BigInt64Array;
  expect(ints[3] === 3n, `element 3 of the '>i8' dataset reads as ${ints[3]}`);

  const le = new Uint8Array(new Float32Array([1.5, -2]).buffer);
  const lf = processData(le, { type: 'float', size: 4, signed: true, littleEndian: true });
  expect(Array.from(lf as Float32Array).join() === '1.5,-2', 'a little-endian dataset reads wrong');
}
