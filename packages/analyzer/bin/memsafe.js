#!/usr/bin/env node
import ts from 'typescript';
import { main } from '../dist/esm/cli/main.js';

process.exitCode = main(ts, process.argv.slice(2), {
  cwd: process.cwd(),
  env: process.env,
  stdout: process.stdout,
  stderr: process.stderr,
});
