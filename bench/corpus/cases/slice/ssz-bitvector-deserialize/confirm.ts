import { expect, pattern, sameBytes } from '../../../support/check.js';
import type * as Impl from './fixed.js';

export default function confirm({ SyncContributionType }: typeof Impl): void {
  // A contribution received over gossip: libp2p hands the decompressed message over as a Buffer,
  // and the node keeps the serialized bytes (for the seen-cache and for re-publishing).
  const serialized = Buffer.alloc(48);
  serialized.set(pattern(32, 0xa0), 0);
  serialized[32] = 0b0000_0101;
  const received = Buffer.from(serialized);

  // The aggregator merges its own participant into the contribution it deserialized.
  const contribution = SyncContributionType.deserialize(received);
  contribution.aggregationBits.set(1, true);
  expect(contribution.aggregationBits.get(0) && contribution.aggregationBits.get(1) && contribution.aggregationBits.get(2), 'the merged bits are wrong');
  expect(sameBytes(received, serialized), `the received message's bytes changed: byte 32 is now ${received[32]}, was ${serialized[32]}`);
}
