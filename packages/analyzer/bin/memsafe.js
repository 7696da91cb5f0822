#!/usr/bin/env node
import { dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { loadCompiler } from '../dist/esm/compiler/load.js';
import { main } from '../dist/esm/cli/main.js';

// The project's TypeScript first, then the one beside memsafe.
const from = [process.cwd(), dirname(fileURLToPath(import.meta.url))];
process.exitCode = main(() => loadCompiler(from).ts, process.argv.slice(2), {
  cwd: process.cwd(),
  env: process.env,
  stdout: process.stdout,
  stderr: process.stderr,
});
