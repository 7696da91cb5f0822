#!/usr/bin/env node
// `npm run demo`, after the build: memsafe's CLI on the example project, then the runtime tour.
import { spawnSync } from 'node:child_process';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const run = (args, title) => {
  console.log(`\n$ ${title}\n`);
  return spawnSync(process.execPath, args, { cwd: root, stdio: 'inherit' }).status;
};

// The example project holds real bugs on purpose: `check` must find them (exit 1).
const check = run([join(root, 'packages/analyzer/bin/memsafe.js'), 'check', 'examples/'], 'memsafe check examples/');
if (check !== 1) {
  console.error(`memsafe check examples/ exited ${check}; the demo expects it to find the example's bugs (exit 1)`);
  process.exit(1);
}
const tour = run([join(root, 'examples/dist/tour/runtime-tour.js')], 'node examples/dist/tour/runtime-tour.js');
process.exit(tour ?? 1);
