/**
 * End to end: `memsafe lsp`, the language server, driven over stdio by an LSP client as an editor
 * drives it, on the TypeScript the workspace has: once where `typescript` is 6, once where it is 7.
 * The document's unsaved text is what is checked: an edit that fixes the bug clears the diagnostic
 * before anything is saved.
 */
import { spawnSync } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CodeAction, Diagnostic, Hover, PublishDiagnosticsParams } from 'vscode-languageserver';
import { installTypeScript } from '../../tools/typescript-workspace.mjs';
import { root } from '../ts-plugin-e2e/fixture.js';
import { LanguageServer, processTree, waitForExit } from '../ts-plugin-e2e/protocol.js';

const bin = join(root, 'packages', 'analyzer', 'bin', 'memsafe.js');
const fixture = join(root, 'packages', 'analyzer', 'test', 'cli', 'fixture');
const BUGGY = readFileSync(join(fixture, 'src', 'heap.ts'), 'utf8');
const FIXED = BUGGY.replace(
  '  const heap = new Uint8Array(exports.memory.buffer);\n  const ptr = exports.malloc(bytes.length);\n',
  '  const ptr = exports.malloc(bytes.length);\n  const heap = new Uint8Array(exports.memory.buffer);\n',
);

/** A copy of the CLI fixture whose `typescript` is the repository's TypeScript `major`. */
function workspace(major: 6 | 7): string {
  const dir = mkdtempSync(join(tmpdir(), `memsafe-lsp-${major}-`));
  cpSync(fixture, dir, { recursive: true });
  installTypeScript(dir, major);
  return dir;
}

describe.each([6, 7] as const)('memsafe lsp on TypeScript %i', major => {
  let dir: string;
  let server: LanguageServer;
  let uri: string;
  const diagnostics = (test: (list: Diagnostic[]) => boolean) =>
    server
      .notification<PublishDiagnosticsParams>(
        'textDocument/publishDiagnostics',
        p => p.uri === uri && test(p.diagnostics),
      )
      .then(p => p.diagnostics);

  beforeAll(async () => {
    dir = workspace(major);
    uri = pathToFileURL(join(dir, 'src', 'heap.ts')).href;
    server = new LanguageServer(process.execPath, [bin, 'lsp', '--stdio'], {
      cwd: dir,
      describe: () => `workspace ${dir}`,
    });
    const initialized = await server.request<{ capabilities: Record<string, unknown>; serverInfo: { name: string } }>(
      'initialize',
      { processId: process.pid, rootUri: pathToFileURL(dir).href, capabilities: {} },
    );
    expect(initialized.serverInfo.name).toBe('memsafe');
    expect(initialized.capabilities['hoverProvider']).toBe(true);
    server.notify('initialized', {});
  });

  afterAll(async () => {
    expect(await server.close()).toEqual([]);
    await rm(dir, { recursive: true, force: true });
  });

  it('publishes the stale view of the opened file, with its rule, page and range', async () => {
    const published = diagnostics(list => list.length > 0);
    server.notify('textDocument/didOpen', { textDocument: { uri, languageId: 'typescript', version: 1, text: BUGGY } });
    const [stale, ...rest] = await published;
    expect(rest).toEqual([]);
    expect(stale).toEqual({
      range: { start: { line: 8, character: 2 }, end: { line: 8, character: 6 } },
      severity: 1,
      code: 'memsafe/no-stale-view',
      codeDescription: { href: 'https://github.com/memsafe/memsafe/blob/main/docs/rules/no-stale-view.md' },
      source: 'memsafe',
      message:
        '`heap` may be detached here: `exports.malloc(…)` (line 8) allocates in WebAssembly memory, which may grow it. Take a fresh view after it.',
    });
  });

  it('says "stale" in the hover, and offers the fresh view and a disable comment', async () => {
    const hover = await server.request<Hover | null>('textDocument/hover', {
      textDocument: { uri },
      position: { line: 8, character: 3 },
    });
    expect((hover?.contents as { value: string }).value).toMatch(/^memsafe: stale — `heap` may be detached here/);
    const actions = await server.request<CodeAction[]>('textDocument/codeAction', {
      textDocument: { uri },
      range: { start: { line: 8, character: 2 }, end: { line: 8, character: 2 } },
      context: { diagnostics: [] },
    });
    expect(actions.map(action => action.title)).toEqual([
      'Take a fresh view here: `new Uint8Array(exports.memory.buffer)`.',
      'Disable memsafe/no-stale-view for this line',
    ]);
    expect(actions[1]!.edit!.changes![uri]).toEqual([
      {
        range: { start: { line: 8, character: 0 }, end: { line: 8, character: 0 } },
        newText: '  // eslint-disable-next-line memsafe/no-stale-view\n',
      },
    ]);
  });

  it('checks the unsaved text: an edit that fixes the bug clears the diagnostic, and one that undoes it brings it back', async () => {
    const cleared = diagnostics(list => list.length === 0);
    server.notify('textDocument/didChange', {
      textDocument: { uri, version: 2 },
      contentChanges: [{ text: FIXED }],
    });
    expect(await cleared).toEqual([]);
    const back = diagnostics(list => list.length === 1);
    server.notify('textDocument/didChange', {
      textDocument: { uri, version: 3 },
      contentChanges: [{ text: BUGGY }],
    });
    expect((await back)[0]!.code).toBe('memsafe/no-stale-view');
  });

  it('shows a mistake in memsafe.config.json at the top of the file, and goes on with the rest of it', async () => {
    writeFileSync(
      join(dir, 'memsafe.config.json'),
      '{ "rules": { "no-stale-view": "loud", "no-buffer-slice": "warn" } }',
    );
    const shown = diagnostics(list => list.some(d => d.code === 91000));
    server.notify('textDocument/didChange', { textDocument: { uri, version: 4 }, contentChanges: [{ text: BUGGY }] });
    const [config, stale, ...rest] = await shown;
    expect(rest).toEqual([]);
    expect(config).toMatchObject({
      range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } },
      severity: 2,
      source: 'memsafe',
    });
    expect(config!.message).toMatch(
      /^memsafe configuration: .*memsafe\.config\.json.*"loud".*\. memsafe goes on with the rest of its configuration\.$/,
    );
    expect(stale!.code).toBe('memsafe/no-stale-view');
  });

  it('checks the open documents again when a watched file changes on disk: here the config turns the rule off', async () => {
    const config = join(dir, 'memsafe.config.json');
    writeFileSync(config, '{ "rules": { "no-stale-view": "off" } }');
    const quiet = diagnostics(list => list.length === 0);
    server.notify('workspace/didChangeWatchedFiles', { changes: [{ uri: pathToFileURL(config).href, type: 2 }] });
    expect(await quiet).toEqual([]);
  });
});

describe('memsafe lsp on TypeScript 7, when the compiler process ends under it', () => {
  it('checks again on a new process, and the diagnostics keep coming', async () => {
    const dir = workspace(7);
    const uri = pathToFileURL(join(dir, 'src', 'heap.ts')).href;
    const server = new LanguageServer(process.execPath, [bin, 'lsp', '--stdio'], {
      cwd: dir,
      describe: () => `workspace ${dir}`,
    });
    try {
      await server.request('initialize', {
        processId: process.pid,
        rootUri: pathToFileURL(dir).href,
        capabilities: {},
      });
      server.notify('initialized', {});
      const of = (version: number) =>
        server
          .notification<PublishDiagnosticsParams>(
            'textDocument/publishDiagnostics',
            p => p.uri === uri && p.version === version,
          )
          .then(p => p.diagnostics.map(d => d.code));
      const opened = of(1);
      server.notify('textDocument/didOpen', {
        textDocument: { uri, languageId: 'typescript', version: 1, text: BUGGY },
      });
      expect(await opened).toEqual(['memsafe/no-stale-view']);
      const compilers = processTree(server.child.pid!).slice(1);
      expect(compilers.length).toBeGreaterThan(0);
      for (const pid of compilers) process.kill(pid, 'SIGKILL');
      // SIGKILL cannot be caught: 30 seconds only bounds how late the kernel reports it on a loaded machine.
      expect(await waitForExit(compilers, 30_000)).toEqual([]);
      const fixed = of(2);
      server.notify('textDocument/didChange', { textDocument: { uri, version: 2 }, contentChanges: [{ text: FIXED }] });
      expect(await fixed).toEqual([]);
      const broken = of(3);
      server.notify('textDocument/didChange', { textDocument: { uri, version: 3 }, contentChanges: [{ text: BUGGY }] });
      expect(await broken).toEqual(['memsafe/no-stale-view']);
    } finally {
      expect(await server.close()).toEqual([]);
      await rm(dir, { recursive: true, force: true });
    }
  });
});

describe('memsafe lsp as a process', () => {
  it('ends when its client closes stdin without `exit`, as the protocol says: exit code 1', () => {
    const ended = spawnSync(process.execPath, [bin, 'lsp', '--stdio'], { input: '', encoding: 'utf8' });
    expect({ status: ended.status, stdout: ended.stdout, stderr: ended.stderr }).toEqual({
      status: 1,
      stdout: '',
      stderr: '',
    });
  });

  it('refuses a transport it does not have, naming the one it has: exit code 2', () => {
    const refused = spawnSync(process.execPath, [bin, 'lsp', '--socket=5007'], { input: '', encoding: 'utf8' });
    expect({ status: refused.status, stdout: refused.stdout, stderr: refused.stderr }).toEqual({
      status: 2,
      stdout: '',
      stderr:
        'memsafe lsp: unknown option --socket=5007. memsafe lsp talks over stdin and stdout: run `memsafe lsp --stdio`.\n',
    });
  });
});
