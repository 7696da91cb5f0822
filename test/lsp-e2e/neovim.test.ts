/**
 * End to end: Neovim's built-in LSP client, headless, with docs/lsp.md's setup for Neovim 0.7 to
 * 0.10 as its init.lua, word for word (Debian's `neovim` package is 0.7.2; .ci/run installs it),
 * in a project where `npx memsafe` is this repository's. It opens a file with a stale view,
 * receives the diagnostic, asks for a hover and the code actions, applies the first action and
 * sees the diagnostic go — on TypeScript 6 and on TypeScript 7.
 */
import { spawn, spawnSync } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import { rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { delimiter, dirname, join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { installTypeScript } from '../../tools/typescript-workspace.mjs';
import { root } from '../ts-plugin-e2e/fixture.js';

const fixture = join(root, 'packages', 'analyzer', 'test', 'cli', 'fixture');
const client = join(root, 'test', 'lsp-e2e', 'neovim', 'client.lua');

/** docs/lsp.md's ```lua block for Neovim 0.7 to 0.10, the one after that heading. */
function documentedSetup(): string {
  const page = readFileSync(join(root, 'docs', 'lsp.md'), 'utf8');
  const from = page.indexOf('Neovim 0.7 to 0.10');
  const block = /```lua\n([\s\S]*?)^```$/m.exec(page.slice(from));
  if (from < 0 || block === null) throw new Error('docs/lsp.md has no Neovim 0.7 to 0.10 setup');
  return block[1]!;
}

/** `npm i -D @memsafe/analyzer`, with this repository's analyzer: `npx memsafe` runs it. */
function installAnalyzer(project: string): void {
  mkdirSync(join(project, 'node_modules', '@memsafe'), { recursive: true });
  mkdirSync(join(project, 'node_modules', '.bin'));
  symlinkSync(join(root, 'packages', 'analyzer'), join(project, 'node_modules', '@memsafe', 'analyzer'), 'dir');
  symlinkSync('../@memsafe/analyzer/bin/memsafe.js', join(project, 'node_modules', '.bin', 'memsafe'));
}

/** What client.lua saw. */
interface Seen {
  readonly failure?: string;
  readonly diagnostics: readonly Record<string, unknown>[];
  readonly hover: string;
  readonly actions: readonly string[];
  readonly cleared: boolean;
  readonly lines: readonly string[];
}

const nvim = spawnSync('nvim', ['--version'], { encoding: 'utf8' });

/** Runs client.lua in a headless Neovim over a copy of the CLI fixture whose `typescript` is `major`. */
async function drive(major: 6 | 7): Promise<Seen> {
  const dir = mkdtempSync(join(tmpdir(), `memsafe-nvim-${major}-`));
  try {
    cpSync(fixture, dir, { recursive: true });
    installTypeScript(dir, major);
    installAnalyzer(dir);
    writeFileSync(join(dir, 'init.lua'), documentedSetup());
    const out = join(dir, 'seen.json');
    const child = spawn('nvim', ['--headless', '-n', '-i', 'NONE', '-u', 'init.lua', '-c', `luafile ${client}`], {
      cwd: dir,
      env: {
        ...process.env,
        MEMSAFE_NVIM_FILE: join(dir, 'src', 'heap.ts'),
        MEMSAFE_NVIM_OUT: out,
        // npx runs the project's memsafe with the node on PATH: this one.
        PATH: `${dirname(process.execPath)}${delimiter}${process.env['PATH'] ?? ''}`,
      },
      stdio: ['ignore', 'ignore', 'pipe'],
    });
    let stderr = '';
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    const code = await new Promise<number | null>(resolve => child.on('close', resolve));
    expect({ code, stderr }).toEqual({ code: 0, stderr: '' });
    return JSON.parse(readFileSync(out, 'utf8')) as Seen;
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

describe.each([6, 7] as const)('Neovim with memsafe lsp, on TypeScript %i', major => {
  // Above the five 45-second waits of client.lua, so that a hang fails there, naming the step.
  it('shows the stale view, hovers it, and applies the fresh view it offers', { timeout: 300_000 }, async () => {
    expect(nvim.error, 'nvim is not installed: `apt-get install neovim` (Debian 12 has 0.7.2)').toBeUndefined();
    const seen = await drive(major);
    expect(seen.failure, 'what Neovim saw').toBeUndefined();
    expect(seen.diagnostics).toEqual([
      {
        line: 8,
        col: 2,
        end_line: 8,
        end_col: 6,
        severity: 1,
        source: 'memsafe',
        code: 'memsafe/no-stale-view',
        message:
          '`heap` may be detached here: `exports.malloc(…)` (line 8) allocates in WebAssembly memory, which may grow it. Take a fresh view after it.',
      },
    ]);
    expect(seen.hover).toMatch(/^memsafe: stale — `heap` may be detached here/);
    expect(seen.actions).toEqual([
      'Take a fresh view here: `new Uint8Array(exports.memory.buffer)`.',
      'Disable memsafe/no-stale-view for this line',
    ]);
    expect(seen.cleared).toBe(true);
    expect(seen.lines[8]).toBe('  new Uint8Array(exports.memory.buffer).set(bytes, ptr);');
  });
});
