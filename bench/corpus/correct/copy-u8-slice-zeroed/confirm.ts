import { expect } from '../../support/check.js';
import type * as Impl from './correct.js';

export default function confirm({ EpochCache, getEffectiveBalanceIncrementsZeroInactive, totalRewardableIncrements }: typeof Impl): void {
  const cache = new EpochCache(10, [32e9, 31.5e9, 32e9, 16e9]);
  const validators: Impl.Validator[] = [
    { activationEpoch: 0, exitEpoch: Infinity, slashed: false },
    { activationEpoch: 0, exitEpoch: Infinity, slashed: true },
    { activationEpoch: 12, exitEpoch: Infinity, slashed: false },
    { activationEpoch: 3, exitEpoch: 9, slashed: false },
  ];
  const increments = getEffectiveBalanceIncrementsZeroInactive(cache, validators);
  expect(Array.from(increments).join() === '32,0,0,0', `zeroed increments are ${Array.from(increments).join()}`);
  expect(Array.from(cache.effectiveBalanceIncrements.subarray(0, 4)).join() === '32,31,32,16', 'the epoch cache was zeroed too');
  expect(totalRewardableIncrements(cache, validators.slice(0, 3).map(v => ({ ...v, slashed: false }))) === 63, 'a second computation saw the first one\'s zeroes');
}
