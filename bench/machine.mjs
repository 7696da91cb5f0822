// What the benchmarks record about where they ran, so that a result can be read against its machine.
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { availableParallelism, loadavg, totalmem } from 'node:os';
import { parseArgs } from 'node:util';

/** The commit measured, and whether packages/ had uncommitted changes. */
export function commitOf(root) {
  const git = (...args) => execFileSync('git', args, { cwd: root, encoding: 'utf8' }).trim();
  return (
    git('rev-parse', '--short', 'HEAD') +
    (git('status', '--porcelain', '--', 'packages') ? ' with uncommitted changes in packages/' : '')
  );
}

/** The machine rows of a results table; `loadAtStart` is the load average read before the runs. */
export function machineRows(loadAtStart) {
  const cpu = /model name\s*:\s*(.*)/.exec(readFileSync('/proc/cpuinfo', 'utf8'))?.[1] ?? 'unknown';
  return [
    `| CPUs (\`nproc\`) | ${availableParallelism()} |`,
    `| CPU | ${cpu} |`,
    `| memory | ${(totalmem() / 2 ** 30).toFixed(1)} GiB |`,
    `| load average (1 min) at start, at end | ${loadAtStart.toFixed(2)}, ${loadavg()[0].toFixed(2)} |`,
  ].join('\n');
}

/** The table that closes a results file: what was measured, on which Node and TypeScript, on which machine. */
export function environmentTable(root, typescriptVersion, loadAtStart) {
  return [
    '| | |',
    '| --- | --- |',
    `| commit | ${commitOf(root)} |`,
    `| Node | ${process.version} |`,
    `| TypeScript | ${typescriptVersion} |`,
    machineRows(loadAtStart),
  ].join('\n');
}

/**
 * A bench's `--<name> N` (how many timed runs, a positive integer, `fallback` by default) and
 * `--quick` (one run, results left alone: a check that the bench works).
 */
export function runFlags(name = 'runs', fallback = 5) {
  const { values } = parseArgs({
    options: { [name]: { type: 'string' }, quick: { type: 'boolean', default: false } },
  });
  const runs = values.quick ? 1 : Number(values[name] ?? fallback);
  if (!Number.isInteger(runs) || runs < 1) throw new Error(`--${name} wants a positive integer, got ${values[name]}`);
  return { runs, quick: values.quick };
}
