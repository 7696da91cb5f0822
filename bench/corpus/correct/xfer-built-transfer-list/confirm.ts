import { expect } from '../../support/check.js';
import type * as Impl from './correct.js';

export default async function confirm({ runPca, postStep }: typeof Impl): Promise<void> {
  const channel = new MessageChannel();
  try {
    const arrived = new Promise<Impl.PcaResults>(resolve => {
      channel.port2.onmessage = event => resolve((event.data as { results: Impl.PcaResults }).results);
    });
    const expected = runPca(500, 10);
    const results = runPca(500, 10);
    postStep(channel.port1, 'pca', results);
    expect(results.components.byteLength === 0, 'the results were copied, not moved');
    const got = await arrived;
    expect(got.components.every((v, i) => v === expected.components[i]), 'components arrived wrong');
    expect(got.varianceExplained.every((v, i) => v === expected.varianceExplained[i]), 'variance arrived wrong');
    expect(got.clusters.every((v, i) => v === expected.clusters[i]), 'clusters arrived wrong');
    expect(got.firstTwo[1].buffer === got.components.buffer && got.firstTwo[1][3] === expected.components[503], 'the component views arrived wrong');
  } finally {
    channel.port1.close();
    channel.port2.close();
  }
}
