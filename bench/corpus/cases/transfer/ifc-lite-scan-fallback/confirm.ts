import { expect } from '../../../support/check.js';
import { portWorker } from '../../../support/transfer-port.js';
import type * as Impl from './fixed.js';

const IFC = ['ISO-10303-21;', 'DATA;', "#1=IFCPROJECT('0001',$,'Demo');", "#12=IFCWALL('0002',$,'Wall A');", "#13=IFCDOOR('0003',$,'Door');", 'ENDSEC;', ''].join('\n');

export default async function confirm({ parseIfc, workerScanner }: typeof Impl): Promise<void> {
  // The worker's scanner crashes on this file (say an unsupported schema): it answers with an error.
  const worker = portWorker((_data, reply) => reply({ error: 'scanner panicked' }));
  try {
    const entities = await parseIfc(new TextEncoder().encode(IFC).buffer, workerScanner(worker.port));
    expect(entities.size === 3, `the main-thread fallback found ${entities.size} entities, 3 were expected`);
    expect(entities.get(12) === "#12=IFCWALL('0002',$,'Wall A');", `entity #12 decoded as ${JSON.stringify(entities.get(12))}`);
  } finally {
    worker.close();
  }
}
