import { expect } from '../../support/check.js';
import type * as Impl from './correct.js';

export default function confirm({ varnum, putVarnum, readFields }: typeof Impl): void {
  const main = new Uint8Array([1, 2, 3, 4, 5, 6, 7, 8]);
  expect(varnum(main.subarray(4, 8), { dataType: 'uint8' }) === 5, 'varnum read a subarray from the start of its buffer');
  expect(varnum(main.subarray(4, 8), { dataType: 'uint32' }) === 0x05060708, 'big-endian uint32 is wrong');
  expect(varnum(main.subarray(6), { dataType: 'uint16', endian: 'little' }) === 0x0807, 'little-endian uint16 is wrong');
  expect(varnum(main.subarray(6), { dataType: 'uint32' }) === null, 'a too-short subarray was read past its end');

  const out = new Uint8Array(8);
  expect(putVarnum(out.subarray(2, 6), -2, { dataType: 'int32', endian: 'little' }) === 4, 'putVarnum reported the wrong size');
  expect(out.join() === '0,0,254,255,255,255,0,0', `putVarnum wrote ${out.join()}`);
  const record = new Uint8Array([9, 9, 0x01, 0x00, 0x02, 0, 0, 0, 3]).subarray(2);
  expect(readFields(record, ['uint16', 'int32', 'uint8'], { endian: 'little' }).join() === '1,2,3', 'readFields read the wrong fields');
}
