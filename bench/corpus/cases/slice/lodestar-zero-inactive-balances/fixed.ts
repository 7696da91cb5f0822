// Fork choice: the justified state's effective balances, with inactive validators counted as zero.
/** One byte per validator: its effective balance in increments of 1 ETH. */
export type EffectiveBalanceIncrements = Uint8Array;

export interface EpochContext {
  /** Cached for the whole epoch and shared by every consumer. */
  effectiveBalanceIncrements: EffectiveBalanceIncrements;
  currentShuffling: { activeIndices: ArrayLike<number> };
}

export interface JustifiedState {
  epochCtx: EpochContext;
  validators: { length: number };
}

export function getEffectiveBalanceIncrementsZeroInactive(justifiedState: JustifiedState): EffectiveBalanceIncrements {
  const { activeIndices } = justifiedState.epochCtx.currentShuffling;
  const validatorCount = justifiedState.validators.length;
  const { effectiveBalanceIncrements } = justifiedState.epochCtx;
  // Slice up to `validatorCount` since it won't be mutated, nor accessed beyond `validatorCount`
  // NOTE: Force to use Uint8Array.slice (copy) in case it is a Buffer, whose slice does not copy
  const effectiveBalanceIncrementsZeroInactive = Uint8Array.prototype.slice.call(effectiveBalanceIncrements, 0, validatorCount);

  let j = 0;
  for (let i = 0; i < validatorCount; i++) {
    if (i === activeIndices[j]) {
      j++;
    } else {
      effectiveBalanceIncrementsZeroInactive[i] = 0;
    }
  }
  return effectiveBalanceIncrementsZeroInactive;
}
