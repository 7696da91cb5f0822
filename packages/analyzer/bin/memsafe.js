#!/usr/bin/env node
import { dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { loadCompiler, loadDocumentCompiler } from '../dist/esm/compiler/load.js';
import { main } from '../dist/esm/cli/main.js';

// The project's TypeScript first, then the one beside memsafe.
const from = [process.cwd(), dirname(fileURLToPath(import.meta.url))];
const importModule = url => import(url);

if (process.argv[2] === 'lsp') {
  // A language server over stdio, the only transport. Clients may say so with --stdio, and
  // vscode-languageclient adds --clientProcessId=<pid>; anything else is a mistake in the setup.
  const unknown = process.argv.slice(3).filter(arg => arg !== '--stdio' && !/^--clientProcessId=\d+$/.test(arg));
  if (unknown.length > 0) {
    process.stderr.write(
      `memsafe lsp: unknown option ${unknown.join(' ')}. memsafe lsp talks over stdin and stdout: run \`memsafe lsp --stdio\`.\n`,
    );
    process.exitCode = 2;
  } else {
    const { serveStdio } = await import('../dist/esm/lsp/stdio.js');
    serveStdio(() => loadDocumentCompiler(from, importModule));
  }
} else {
  // A TypeScript it cannot use is reported by `main`, once a command needs one: --help and
  // --version work without.
  const compiler = await loadCompiler(from, importModule).catch(error => error);
  process.exitCode = main(
    () => {
      if (compiler instanceof Error) throw compiler;
      return compiler;
    },
    process.argv.slice(2),
    { cwd: process.cwd(), env: process.env, stdout: process.stdout, stderr: process.stderr },
  );
}
