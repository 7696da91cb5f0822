import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { expect } from 'vitest';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import ts from 'typescript';
import * as ast from 'typescript7/unstable/ast';
import * as sync from 'typescript7/unstable/sync';
import type { NativeSyncModule } from '../../src/compiler/native/api.js';
import { nativeProjectHost } from '../../src/compiler/native/host.js';
import { classicProjectHost, runCli, type ProjectHost } from '../../src/index.js';

/** A project on disk: path → content; objects are written as JSON. */
export function project(files: Record<string, string | object>): string {
  const root = mkdtempSync(join(tmpdir(), 'memsafe-projects-'));
  for (const [path, content] of Object.entries(files)) {
    mkdirSync(dirname(join(root, path)), { recursive: true });
    writeFileSync(join(root, path), typeof content === 'string' ? content : JSON.stringify(content, null, 2));
  }
  return root;
}

/** The CLI in-process on TypeScript 6 and on TypeScript 7: the same exit code and output, or an error. */
export function cli(cwd: string, args: string[], env: NodeJS.ProcessEnv = { NO_COLOR: '1' }, tty = false) {
  const classic = cliOn(() => classicProjectHost(ts), cwd, args, env, tty);
  const native = cliOn(
    () => nativeProjectHost(ast, sync as unknown as NativeSyncModule, '7.0', cwd),
    cwd,
    args,
    env,
    tty,
  );
  expect(native, 'the CLI on TypeScript 7').toEqual(classic);
  return classic;
}

function cliOn(compiler: () => ProjectHost, cwd: string, args: string[], env: NodeJS.ProcessEnv, tty: boolean) {
  let stdout = '';
  let stderr = '';
  const code = runCli(compiler, args, {
    cwd,
    env,
    stdout: { write: (text: string) => (stdout += text), isTTY: tty },
    stderr: { write: (text: string) => (stderr += text), isTTY: tty },
  });
  return { code, stdout, stderr };
}
