import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';

setFlagsFromString('--expose-gc');
const gc = runInNewContext('gc') as () => void;

/** Full collections with turns of the event loop between them, so that finalizers run. */
export async function collect(rounds = 3): Promise<void> {
  for (let round = 0; round < rounds; round++) {
    await new Promise(resolve => setTimeout(resolve, 0));
    gc();
  }
  await new Promise(resolve => setTimeout(resolve, 0));
}
