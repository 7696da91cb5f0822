#!/usr/bin/env node
import { dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { loadCompiler } from '../dist/esm/compiler/load.js';
import { main } from '../dist/esm/cli/main.js';

// The project's TypeScript first, then the one beside memsafe. A TypeScript it cannot use is
// reported by `main`, once a command needs one: --help and --version work without.
const from = [process.cwd(), dirname(fileURLToPath(import.meta.url))];
const compiler = await loadCompiler(from, url => import(url)).catch(error => error);
process.exitCode = main(
  () => {
    if (compiler instanceof Error) throw compiler;
    return compiler;
  },
  process.argv.slice(2),
  { cwd: process.cwd(), env: process.env, stdout: process.stdout, stderr: process.stderr },
);
