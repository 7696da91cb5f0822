import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import type { Outcome, ViewCase } from './view-case.js';

const ORACLE_SCRIPT = fileURLToPath(new URL('./oracle.py', import.meta.url));

/**
 * NumPy's outcomes for every case, from one python3 process: starting Python and importing NumPy
 * costs far more than thousands of cases, so a test file asks once. `outcomes[i][0]` is case i's
 * base; the list stops after the first error.
 */
export function askNumPy(cases: readonly ViewCase[]): Outcome[][] {
  const result = spawnSync('python3', [ORACLE_SCRIPT], {
    input: JSON.stringify(cases),
    encoding: 'utf8',
    maxBuffer: 1 << 30,
  });
  if (result.error !== undefined) throw new Error(`could not run python3 ${ORACLE_SCRIPT}: ${result.error.message}`);
  if (result.status !== 0) throw new Error(`python3 ${ORACLE_SCRIPT} exited with ${result.status}:\n${result.stderr}`);
  const outcomes = JSON.parse(result.stdout) as Outcome[][];
  if (outcomes.length !== cases.length)
    throw new Error(`the oracle answered ${outcomes.length} of ${cases.length} cases`);
  return outcomes;
}
