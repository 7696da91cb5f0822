import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import ts from 'typescript';
import { runCli } from '../../src/index.js';

/** A project on disk: path → content; objects are written as JSON. */
export function project(files: Record<string, string | object>): string {
  const root = mkdtempSync(join(tmpdir(), 'memsafe-projects-'));
  for (const [path, content] of Object.entries(files)) {
    mkdirSync(dirname(join(root, path)), { recursive: true });
    writeFileSync(join(root, path), typeof content === 'string' ? content : JSON.stringify(content, null, 2));
  }
  return root;
}

export function cli(cwd: string, args: string[]) {
  let stdout = '';
  let stderr = '';
  const code = runCli(() => ts, args, {
    cwd,
    env: { NO_COLOR: '1' },
    stdout: { write: (text: string) => (stdout += text) },
    stderr: { write: (text: string) => (stderr += text) },
  });
  return { code, stdout, stderr };
}
