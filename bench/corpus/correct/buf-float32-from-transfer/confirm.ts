import { expect } from '../../support/check.js';
import type * as Impl from './correct.js';

function nextMessage(port: MessagePort): Promise<any> {
  return new Promise(resolve => {
    port.onmessage = event => resolve(event.data);
  });
}

export default async function confirm({ postNormalizedGene, postQcMetrics }: typeof Impl): Promise<void> {
  const { port1, port2 } = new MessageChannel();
  try {
    const counts = new Uint32Array([0, 3, 7, 1]);
    const sizeFactors = new Float64Array([1, 1, 0.5, 2]);
    const gene = nextMessage(port2);
    postNormalizedGene(port1, 7, counts, sizeFactors);
    const reply = await gene;
    const values = new Float32Array(reply.values as ArrayBuffer);
    expect(values.length === 4 && values[1] === 2 && Math.abs(values[2]! - Math.log2(15)) < 1e-6, `normalized values are ${Array.from(values)}`);
    expect(counts.length === 4 && counts[2] === 7, 'the input counts were detached or changed by the transfer');

    const matrix = new Uint32Array([1, 0, 3, 0, 0, 0, 2, 2, 4]);
    const qc = nextMessage(port2);
    postQcMetrics(port1, matrix, 3, 3, new Set([2]));
    const { metrics } = await qc;
    expect(Array.from(metrics.sums as Float64Array).join() === '4,0,8', `sums are ${Array.from(metrics.sums as Float64Array)}`);
    expect(Array.from(metrics.detected as Int32Array).join() === '2,0,3', 'detected counts are wrong');
    expect(metrics.proportions[0] === 0.75 && metrics.proportions[2] === 0.5, 'mito proportions are wrong');
  } finally {
    port1.close();
    port2.close();
  }
}
