import { expect } from '../../../support/check.js';
import type * as Impl from './fixed.js';

export default function confirm({ getEffectiveBalanceIncrementsZeroInactive }: typeof Impl): void {
  // The epoch cache allocated as a Buffer (the change the issue warns about), with spare capacity.
  const cache = Buffer.alloc(16, 32);
  const state: Impl.JustifiedState = {
    epochCtx: { effectiveBalanceIncrements: cache, currentShuffling: { activeIndices: [0, 2, 3, 6] } },
    validators: { length: 8 },
  };
  const zeroed = getEffectiveBalanceIncrementsZeroInactive(state);
  expect([...zeroed].join() === '32,0,32,32,0,0,32,0', `the fork-choice balances are ${[...zeroed]}`);
  expect(cache.every(b => b === 32), `the epoch cache was mutated: ${[...cache.subarray(0, 8)]}`);
}
