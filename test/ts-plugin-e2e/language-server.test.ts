/**
 * End to end through an LSP editor's path: typescript-language-server (5.1.x, which runs on Node 20)
 * started with `--stdio`, told to use the fixture's TypeScript (`initializationOptions.tsserver.path`),
 * spoken to in LSP with Content-Length frames: initialize, initialized, didOpen, publishDiagnostics,
 * hover, shutdown, exit. tsserver loads @memsafe/ts-plugin from the fixture's tsconfig.json, as it
 * does for Neovim, Helix, Zed, Sublime or Emacs users of this server.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cleanEnv, installFixture, locate, repoVersion, root, type Fixture } from './fixture.js';
import { explained, LanguageServer, logExcerpt } from './protocol.js';

interface Position {
  line: number;
  character: number;
}
interface Range {
  start: Position;
  end: Position;
}
interface Diagnostic {
  range: Range;
  severity?: number;
  code?: number | string;
  source?: string;
  message: string;
  tags?: number[];
}
interface PublishDiagnosticsParams {
  uri: string;
  diagnostics: Diagnostic[];
}
interface Hover {
  contents: { kind: string; value: string };
  range?: Range;
}

let fixture: Fixture;
let server: LanguageServer;
let logDirectory = '';
const opened = new Set<string>();

const path = (file: string) => join(fixture.dir, file);
const uri = (file: string) => pathToFileURL(path(file)).href;
const source = (file: string) => readFileSync(path(file), 'utf8');

/** The tsserver logs typescript-language-server wrote (one directory per tsserver it started). */
function tsserverLogs(): string[] {
  try {
    return readdirSync(logDirectory)
      .filter(entry => entry.startsWith('tsserver-log-'))
      .map(entry => join(logDirectory, entry, 'tsserver.log'));
  } catch {
    return [];
  }
}

function describeServer(): string {
  const messages = server.notifications
    .filter(n => n.method === 'window/logMessage')
    .map(n => (n.params as { message: string }).message);
  return [
    `--- window/logMessage (last 20)`,
    ...messages.slice(-20),
    ...tsserverLogs().map(file => logExcerpt(file, 25)),
  ].join('\n');
}

const withLog = <T>(body: () => Promise<T> | T) => explained(describeServer, body);

/** LSP position (0-based line and UTF-16 character) of `needle` plus `delta` in `file`. */
function position(file: string, needle: string, delta = 0): Position {
  const { line, offset } = locate(source(file), needle, delta);
  return { line: line - 1, character: offset - 1 };
}

/**
 * Opens `file` (once) and resolves with the diagnostics published for it that pass `complete`: the
 * latest ones already published, or else the first to come. The server publishes as tsserver's
 * syntactic, semantic and suggestion passes come in, and again for every open file when one opens.
 */
async function openAndWait(file: string, complete: (diagnostics: Diagnostic[]) => boolean): Promise<Diagnostic[]> {
  const latest = server.notifications.findLast(
    n => n.method === 'textDocument/publishDiagnostics' && (n.params as PublishDiagnosticsParams).uri === uri(file),
  );
  if (latest !== undefined && complete((latest.params as PublishDiagnosticsParams).diagnostics))
    return (latest.params as PublishDiagnosticsParams).diagnostics;
  const published = server.notification<PublishDiagnosticsParams>(
    'textDocument/publishDiagnostics',
    params => params.uri === uri(file) && complete(params.diagnostics),
    90_000,
  );
  if (!opened.has(file)) {
    server.notify('textDocument/didOpen', {
      textDocument: { uri: uri(file), languageId: 'typescript', version: 1, text: source(file) },
    });
    opened.add(file);
  }
  return (await published).diagnostics;
}

const hover = (file: string, at: Position) =>
  server.request<Hover | null>('textDocument/hover', { textDocument: { uri: uri(file) }, position: at });

const isMemsafe = (d: Diagnostic) => d.source === 'memsafe';
/** tsserver's deprecation suggestion for `Buffer#slice` (6387) comes in the last pass, after the semantic one. */
const hasDeprecation = (diagnostics: Diagnostic[]) => diagnostics.some(d => d.code === 6387);

describe('typescript-language-server with @memsafe/ts-plugin in tsconfig.json', () => {
  let initialized: { capabilities: Record<string, unknown>; serverInfo?: { name: string; version: string } };

  beforeAll(async () => {
    fixture = await installFixture('memsafe-lsp-e2e-');
    logDirectory = join(fixture.tmp, 'lsp-logs');
    const manifest = JSON.parse(
      readFileSync(join(root, 'node_modules', 'typescript-language-server', 'package.json'), 'utf8'),
    ) as { bin: Record<string, string> };
    const cli = join(root, 'node_modules', 'typescript-language-server', manifest.bin['typescript-language-server']!);
    server = new LanguageServer(process.execPath, [cli, '--stdio', '--log-level', '4'], {
      cwd: fixture.dir,
      env: cleanEnv(),
      describe: () => describeServer(),
    });
    initialized = await server.request('initialize', {
      processId: process.pid,
      clientInfo: { name: 'memsafe-e2e' },
      rootUri: pathToFileURL(fixture.dir).href,
      workspaceFolders: [{ uri: pathToFileURL(fixture.dir).href, name: 'fixture' }],
      capabilities: {
        textDocument: {
          synchronization: { dynamicRegistration: false, didSave: false },
          publishDiagnostics: { relatedInformation: true, tagSupport: { valueSet: [1, 2] } },
          hover: { dynamicRegistration: false, contentFormat: ['markdown', 'plaintext'] },
          codeAction: {
            codeActionLiteralSupport: { codeActionKind: { valueSet: ['quickfix', 'refactor', 'source'] } },
          },
        },
        window: { workDoneProgress: false },
      },
      initializationOptions: {
        disableAutomaticTypingAcquisition: true,
        tsserver: {
          path: join(fixture.dir, 'node_modules', 'typescript', 'lib'),
          logDirectory,
          logVerbosity: 'verbose',
        },
      },
    });
    server.notify('initialized', {});
  });

  afterAll(async () => {
    // Undefined when beforeAll failed early.
    const started = server as LanguageServer | undefined;
    const survivors = started === undefined ? [] : await started.close();
    await (fixture as Fixture | undefined)?.remove();
    // After the fixture is gone: a failure here must not leave the temporary directory behind.
    expect(survivors, 'processes still running after shutdown + exit (killed)').toEqual([]);
    if (started !== undefined)
      expect(started.exited, 'typescript-language-server did not exit on `exit` after `shutdown`').toEqual({
        code: 0,
        signal: null,
      });
  });

  it("starts the fixture's TypeScript, not a bundled or global one", () =>
    withLog(() => {
      expect(initialized.capabilities.hoverProvider).toBe(true);
      // Sent while initializing, before the response to `initialize`.
      const messages = server.notifications
        .filter(n => n.method === 'window/logMessage')
        .map(n => (n.params as { message: string }).message);
      expect(messages).toContain(
        `Using Typescript version (user-setting) ${repoVersion('typescript')} from path "${join(fixture.dir, 'node_modules', 'typescript', 'lib', 'tsserver.js')}"`,
      );
    }));

  it('publishes the stale view as a memsafe diagnostic', () =>
    withLog(async () => {
      const diagnostics = await openAndWait('src/wasm-heap.ts', found => found.some(isMemsafe));
      expect(diagnostics.filter(isMemsafe)).toEqual([
        {
          range: { start: { line: 13, character: 2 }, end: { line: 13, character: 6 } },
          severity: 1,
          code: 91001,
          source: 'memsafe',
          message: expect.stringMatching(
            /^`heap` may be detached here: `wasm\.malloc\(…\)` \(line 13\) .* \(memsafe\/no-stale-view\)\n {2}Rule page: https:\/\/github\.com\/memsafe\/memsafe\/blob\/main\/docs\/rules\/no-stale-view\.md$/,
          ) as unknown,
          tags: [],
        },
      ]);
      // All the tsserver processes are up by now: record them, so that the end can check they all exit.
      expect(server.track().length).toBeGreaterThanOrEqual(2);
    }));

  it("publishes `new Uint8Array(buf.buffer)` and `Buffer#slice`, next to TypeScript's own deprecation hint", () =>
    withLog(async () => {
      const pooled = await openAndWait('src/pooled-buffer.ts', found => found.some(isMemsafe));
      expect(
        pooled
          .filter(isMemsafe)
          .map(d => [
            d.code,
            d.severity,
            d.range.start,
            d.message.endsWith(
              '(memsafe/no-whole-backing-buffer)\n  Rule page: https://github.com/memsafe/memsafe/blob/main/docs/rules/no-whole-backing-buffer.md',
            ),
          ]),
      ).toEqual([[91003, 1, { line: 5, character: 24 }, true]]);
      const slice = await openAndWait('src/buffer-slice.ts', found => found.some(isMemsafe) && hasDeprecation(found));
      expect(slice.map(d => [d.source, d.code, d.range.start])).toEqual(
        expect.arrayContaining([
          ['memsafe', 91012, { line: 4, character: 9 }],
          ['typescript', 6387, { line: 4, character: 16 }],
        ]),
      );
    }));

  it("shows the memsafe lines in hovers, as markdown after TypeScript's signature", () =>
    withLog(async () => {
      const file = 'src/wasm-heap.ts';
      await openAndWait(file, found => found.some(isMemsafe));
      const stale = await hover(file, position(file, 'heap.set', 1));
      expect(stale?.contents.kind).toBe('markdown');
      expect(stale?.contents.value).toContain('```typescript\nconst heap: Uint8Array<ArrayBuffer>\n```');
      expect(stale?.contents.value).toContain(
        'memsafe: stale — `heap` may be detached here: `wasm.malloc(…)` (line 13)',
      );
      const view = await hover(file, position(file, 'wasm.memory.buffer', 'wasm.memory.'.length + 2));
      expect(view?.contents.value).toContain(
        'memsafe: view — shares memory with `wasm.memory` (no copy). ⚠ detached-after-grow.',
      );
      const whole = await hover('src/pooled-buffer.ts', position('src/pooled-buffer.ts', 'buf.buffer', 5));
      expect(whole?.contents.value).toContain("memsafe: `buf.buffer` is the whole backing store, not buf's bytes");
    }));

  it('publishes no memsafe diagnostics in a "hover-only" project, and still hovers there', () =>
    withLog(async () => {
      const file = 'hover-only/src/buffer-slice.ts';
      // Wait for the last pass (the deprecation hint), so that "no memsafe diagnostic" is not just "not yet".
      const diagnostics = await openAndWait(file, hasDeprecation);
      expect(diagnostics.map(d => [d.source, d.code])).toEqual([['typescript', 6387]]);
      const info = await hover(file, position(file, 'slice(0, 4)', 1));
      expect(info?.contents.value).toContain('memsafe: view — shares memory with `packet` (no copy).');
    }));

  it('offers the memsafe quick fix through textDocument/codeAction', () =>
    withLog(async () => {
      // typescript-language-server (like VS Code) asks tsserver `getSupportedCodeFixes` with no file,
      // which tsserver answers from TypeScript's own registry without asking any plugin
      // (microsoft/TypeScript#28966); the plugin registers its codes there, so the fix is requested.
      const file = 'src/buffer-slice.ts';
      const diagnostics = await openAndWait(file, found => found.some(isMemsafe));
      const memsafe = diagnostics.filter(isMemsafe);
      const supported = await server.request<{ body: string[] }>('workspace/executeCommand', {
        command: 'typescript.tsserverRequest',
        arguments: ['getSupportedCodeFixes', null],
      });
      expect(supported.body).toEqual(expect.arrayContaining(['2322', '91001', '91002', '91003', '91012']));
      const actions = await server.request<
        | {
            title: string;
            kind?: string;
            edit?: {
              documentChanges?: { edits: { newText: string }[] }[];
              changes?: Record<string, { newText: string }[]>;
            };
          }[]
        | null
      >('textDocument/codeAction', {
        textDocument: { uri: uri(file) },
        range: memsafe[0]!.range,
        context: { diagnostics: memsafe, only: ['quickfix'] },
      });
      expect((actions ?? []).map(action => action.title)).toEqual([
        'Use `subarray()` (the same view, not deprecated).',
      ]);
      const edits = [
        ...(actions![0]!.edit?.documentChanges?.flatMap(change => change.edits) ?? []),
        ...Object.values(actions![0]!.edit?.changes ?? {}).flat(),
      ];
      expect(edits.map(edit => edit.newText)).toEqual(['subarray']);
    }));

  it('loaded the plugin in tsserver', () =>
    withLog(() => {
      const logs = tsserverLogs().map(file => readFileSync(file, 'utf8'));
      expect(logs.some(log => log.includes('[memsafe] plugin loaded'))).toBe(true);
      expect(logs.flatMap(log => log.split('\n')).filter(line => /\[memsafe\].*failed/.test(line))).toEqual([]);
      expect(server.exited).toBeUndefined();
    }));
});
