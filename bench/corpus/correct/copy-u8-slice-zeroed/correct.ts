// Part of a beacon-chain state transition (in the style of lodestar's getEffectiveBalanceIncrements
// ZeroInactive): the epoch cache keeps every validator's effective balance in increments of 1 ETH in a
// plain Uint8Array; the attestation rewards need the same numbers with inactive validators zeroed,
// so the cache's array is copied with Uint8Array#slice and the copy is what gets zeroed.
export interface Validator {
  activationEpoch: number;
  exitEpoch: number;
  slashed: boolean;
}

export class EpochCache {
  readonly effectiveBalanceIncrements: Uint8Array;

  constructor(readonly epoch: number, balancesGwei: number[]) {
    this.effectiveBalanceIncrements = new Uint8Array(balancesGwei.length + 1024);
    balancesGwei.forEach((gwei, i) => {
      this.effectiveBalanceIncrements[i] = Math.min(32, Math.floor(gwei / 1e9));
    });
  }
}

function isActiveInPreviousEpoch(validator: Validator, epoch: number): boolean {
  return validator.activationEpoch <= epoch - 1 && epoch - 1 < validator.exitEpoch;
}

/** Effective balance increments with every validator that cannot earn rewards set to 0. */
export function getEffectiveBalanceIncrementsZeroInactive(cache: EpochCache, validators: Validator[]): Uint8Array {
  const validatorCount = validators.length;
  const increments = cache.effectiveBalanceIncrements.slice(0, validatorCount);
  for (let i = 0; i < validatorCount; i++) {
    const validator = validators[i]!;
    if (!isActiveInPreviousEpoch(validator, cache.epoch) || validator.slashed) increments[i] = 0;
  }
  return increments;
}

/** Total active balance (in increments) as the rewards computation sees it. */
export function totalRewardableIncrements(cache: EpochCache, validators: Validator[]): number {
  return getEffectiveBalanceIncrementsZeroInactive(cache, validators).reduce((sum, increment) => sum + increment, 0);
}
