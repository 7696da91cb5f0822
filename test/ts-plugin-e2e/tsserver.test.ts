/**
 * End to end: the real tsserver of a project that installed @memsafe/ts-plugin from its packed tarball
 * and names it in tsconfig.json, driven over tsserver's own protocol the way an editor drives it
 * (Quramy/ts-graphql-plugin e2e style): `open`, `semanticDiagnosticsSync`, `quickinfo`, `getCodeFixes`,
 * `getSupportedCodeFixes`, `change`. One server serves the four projects of fixtures/project:
 *
 * - `tsconfig.json`            `{ "name": "@memsafe/ts-plugin" }`, with memsafe.config.json beside it
 *                              turning no-buffer-slice on over the recommended preset;
 * - `hover-only/tsconfig.json` `"mode": "hover-only"`: hovers, no diagnostics;
 * - `configured/`              its own memsafe.config.json: one rule down to a warning, one off;
 * - `misconfigured/`           a wrong `"mode"` and an unknown rule, which the editor must show.
 */
import { existsSync, lstatSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { docsUrl } from '@memsafe/analyzer';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cleanEnv, installFixture, locate, type Fixture } from './fixture.js';
import { explained, logExcerpt, TsServer, type TsCodeAction, type TsDiagnostic, type TsQuickInfo } from './protocol.js';

let fixture: Fixture;
let server: TsServer;
let logFile = '';
const opened = new Set<string>();

const path = (file: string) => join(fixture.dir, file);
const source = (file: string) => readFileSync(path(file), 'utf8');
/** On failure, the tsserver log's memsafe lines and its tail. */
const withLog = <T>(body: () => Promise<T> | T) => explained(() => logExcerpt(logFile), body);

async function open(file: string): Promise<void> {
  if (opened.has(file)) return;
  await server.body('open', { file: path(file) });
  opened.add(file);
}

async function diagnostics(file: string): Promise<TsDiagnostic[]> {
  await open(file);
  return server.body<TsDiagnostic[]>('semanticDiagnosticsSync', { file: path(file) });
}

/** `quickinfo` at `needle` (plus `delta` characters) in `file`; undefined when tsserver has nothing to say. */
async function quickInfo(file: string, needle: string, delta = 0): Promise<TsQuickInfo | undefined> {
  await open(file);
  const response = await server.request<TsQuickInfo>('quickinfo', {
    file: path(file),
    ...locate(source(file), needle, delta),
  });
  return response.success ? response.body : undefined;
}

async function codeFixes(
  file: string,
  diagnostic: TsDiagnostic,
  errorCodes = [diagnostic.code],
): Promise<TsCodeAction[]> {
  const range = {
    startLine: diagnostic.start.line,
    startOffset: diagnostic.start.offset,
    endLine: diagnostic.end.line,
    endOffset: diagnostic.end.offset,
  };
  return server.body<TsCodeAction[]>('getCodeFixes', { file: path(file), ...range, errorCodes });
}

/** The text of `file` after one action's edits (applied from the end, so earlier offsets stay valid). */
function applied(file: string, action: TsCodeAction): string {
  const lines = source(file).split('\n');
  const offsetOf = (l: { line: number; offset: number }) =>
    lines.slice(0, l.line - 1).reduce((sum, text) => sum + text.length + 1, 0) + l.offset - 1;
  let text = lines.join('\n');
  const edits = action.changes.flatMap(change => {
    expect(change.fileName).toBe(path(file));
    return change.textChanges;
  });
  for (const edit of edits.sort((a, b) => offsetOf(b.start) - offsetOf(a.start))) {
    text = text.slice(0, offsetOf(edit.start)) + edit.newText + text.slice(offsetOf(edit.end));
  }
  return text;
}

const STALE =
  '`heap` may be detached here: `wasm.malloc(…)` (line 13) allocates in WebAssembly memory, which may grow it. Take a fresh view after it.';
const WHOLE_BUFFER =
  "`buf.buffer` is the whole backing store (for a pooled Buffer, Node's shared pool of 8 KiB, or 64 KiB from Node 24.18 and 26.3), not just the bytes of `buf`. Pass `buf.byteOffset` and `buf.byteLength` too.";
const BUFFER_SLICE =
  '`Buffer#slice` is deprecated, and returns a view of `packet` where `Uint8Array#slice` copies. Use `subarray()`, which says so.';

describe('tsserver with @memsafe/ts-plugin installed from its tarball', () => {
  beforeAll(async () => {
    fixture = await installFixture('memsafe-tsserver-e2e-');
    logFile = join(fixture.tmp, 'tsserver.log');
    server = new TsServer(fixture.tsserver, { cwd: fixture.dir, logFile, env: cleanEnv() });
  });

  afterAll(async () => {
    // Undefined when beforeAll failed early.
    const started = server as TsServer | undefined;
    const survivors = started === undefined ? [] : await started.close();
    await (fixture as Fixture | undefined)?.remove();
    // After the fixture is gone: a failure here must not leave the temporary directory behind.
    expect(survivors, 'processes still running after `exit` (killed)').toEqual([]);
    if (started !== undefined)
      expect(started.exited, 'tsserver did not exit on the `exit` request').toEqual({ code: 0, signal: null });
  });

  it("installs the packed plugin, not a link to the workspace, with the fixture's own TypeScript", () => {
    for (const name of ['ts-plugin', 'analyzer', 'runtime']) {
      const installed = join(fixture.dir, 'node_modules', '@memsafe', name);
      expect(lstatSync(installed).isSymbolicLink(), `${installed} is a link`).toBe(false);
    }
    expect(existsSync(join(fixture.dir, 'node_modules', '@memsafe', 'ts-plugin', 'dist', 'index.js'))).toBe(true);
    expect(existsSync(fixture.tsserver)).toBe(true);
  });

  it("loads the plugin named in tsconfig.json, from the project's node_modules", () =>
    withLog(async () => {
      await open('src/wasm-heap.ts');
      const log = readFileSync(logFile, 'utf8');
      expect(log).toContain('Enabling plugin @memsafe/ts-plugin from candidate paths');
      expect(log).toContain('[memsafe] plugin loaded');
      expect(log).not.toMatch(/Failed to load module '@memsafe\/ts-plugin'|Couldn't find @memsafe\/ts-plugin/);
    }));

  it('reports a view of WebAssembly memory used after an export that may grow it (91001)', () =>
    withLog(async () => {
      expect(await diagnostics('src/wasm-heap.ts')).toEqual([
        {
          start: { line: 14, offset: 3 },
          end: { line: 14, offset: 7 },
          text: `${STALE} (memsafe/no-stale-view)\n  Rule page: ${docsUrl('no-stale-view')}`,
          code: 91001,
          category: 'error',
          source: 'memsafe',
        },
      ]);
    }));

  it('reports `new Uint8Array(buf.buffer)` of a Buffer (91003)', () =>
    withLog(async () => {
      expect(await diagnostics('src/pooled-buffer.ts')).toEqual([
        {
          start: { line: 6, offset: 25 },
          end: { line: 6, offset: 35 },
          text: `${WHOLE_BUFFER} (memsafe/no-whole-backing-buffer)\n  Rule page: ${docsUrl('no-whole-backing-buffer')}`,
          code: 91003,
          category: 'error',
          source: 'memsafe',
        },
      ]);
    }));

  it('reports `buf.slice()` on a Buffer (91012)', () =>
    withLog(async () => {
      expect(await diagnostics('src/buffer-slice.ts')).toEqual([
        {
          start: { line: 5, offset: 10 },
          end: { line: 5, offset: 28 },
          text: `${BUFFER_SLICE} (memsafe/no-buffer-slice)\n  Rule page: ${docsUrl('no-buffer-slice')}`,
          code: 91012,
          category: 'error',
          source: 'memsafe',
        },
      ]);
    }));

  it('reports nothing on clean code', () =>
    withLog(async () => {
      expect(await diagnostics('src/clean.ts')).toEqual([]);
    }));

  it("keeps TypeScript's own diagnostics next to memsafe's", () =>
    withLog(async () => {
      // A type error typed into the open file (as an editor sends keystrokes), then taken back out.
      const file = 'src/wasm-heap.ts';
      await open(file);
      const { line } = locate(source(file), '  return ptr;');
      const edit = (insertString: string, endOffset = 1) =>
        server.body('change', { file: path(file), line, offset: 1, endLine: line, endOffset, insertString });
      await edit('  const wrong: string = ptr;\n');
      try {
        const found = await diagnostics(file);
        expect(found.map(d => [d.source ?? 'ts', d.code, d.category, d.start.line])).toEqual([
          ['ts', 2322, 'error', 15],
          ['memsafe', 91001, 'error', 14],
        ]);
      } finally {
        await server.body('change', {
          file: path(file),
          line,
          offset: 1,
          endLine: line + 1,
          endOffset: 1,
          insertString: '',
        });
      }
      expect((await diagnostics(file)).map(d => d.code)).toEqual([91001]);
    }));

  describe('quick info', () => {
    it('says "view" on `memory.buffer`, after TypeScript\'s own quick info', () =>
      withLog(async () => {
        const info = await quickInfo('src/wasm-heap.ts', 'wasm.memory.buffer', 'wasm.memory.'.length + 2);
        expect(info?.displayString).toBe('(property) WebAssembly.Memory.buffer: ArrayBuffer');
        expect(info?.documentation).toContain(
          'memsafe: view — shares memory with `wasm.memory` (no copy). ⚠ detached-after-grow.',
        );
      }));

    it('says "stale" on the view used after the call, and why', () =>
      withLog(async () => {
        const info = await quickInfo('src/wasm-heap.ts', 'heap.set', 1);
        expect(info?.displayString).toBe('const heap: Uint8Array<ArrayBuffer>');
        expect(info?.documentation).toBe(`memsafe: stale — ${STALE}`);
      }));

    it('says "copy" on `Uint8Array#slice`', () =>
      withLog(async () => {
        const info = await quickInfo('src/clean.ts', 'bytes.slice()', 2);
        expect(info?.documentation).toContain(
          'memsafe: copy — allocates new memory, independent of `bytes`. ⚠ class-dependent.',
        );
      }));

    it('says "view" on `Buffer#slice`, and that `buf.buffer` is the whole backing store', () =>
      withLog(async () => {
        expect((await quickInfo('src/buffer-slice.ts', 'slice(0, 4)', 1))?.documentation).toContain(
          'memsafe: view — shares memory with `packet` (no copy). ⚠ deprecated, class-dependent.',
        );
        const whole = await quickInfo('src/pooled-buffer.ts', 'buf.buffer', 5);
        expect(whole?.documentation).toContain('The ArrayBuffer instance referenced by the array.');
        expect(whole?.documentation).toContain(
          "memsafe: `buf.buffer` is the whole backing store, not buf's bytes (it starts at buf.byteOffset; a pooled Buffer sits at some offset inside Node's shared pool of 8 KiB, or 64 KiB from Node 24.18 and 26.3).",
        );
      }));

    it('adds nothing where there is no conversion', () =>
      withLog(async () => {
        const info = await quickInfo('src/wasm-heap.ts', 'const ptr', 7);
        expect(info?.displayString).toBe('const ptr: number');
        expect(info?.documentation).not.toContain('memsafe');
      }));
  });

  describe('code fixes', () => {
    it('lists the memsafe codes among the supported code fixes of a file', () =>
      withLog(async () => {
        await open('src/buffer-slice.ts');
        const codes = await server.body<string[]>('getSupportedCodeFixes', { file: path('src/buffer-slice.ts') });
        expect(codes).toEqual(expect.arrayContaining(['91001', '91002', '91003', '91012']));
        expect(codes).toContain('2322');
      }));

    it('offers `subarray()` for `Buffer#slice`: one action, the rename that is both fix and suggestion', () =>
      withLog(async () => {
        const file = 'src/buffer-slice.ts';
        const [diagnostic] = await diagnostics(file);
        const actions = await codeFixes(file, diagnostic!);
        const rename = [
          {
            fileName: path(file),
            textChanges: [{ start: { line: 5, offset: 17 }, end: { line: 5, offset: 22 }, newText: 'subarray' }],
          },
        ];
        expect(actions).toEqual([
          {
            fixName: 'memsafe/no-buffer-slice',
            description: 'Use `subarray()` (the same view, not deprecated).',
            changes: rename,
          },
        ]);
        expect(applied(file, actions[0]!)).toContain('  return packet.subarray(0, 4);\n');
      }));

    it('offers a fresh view for the stale one', () =>
      withLog(async () => {
        const file = 'src/wasm-heap.ts';
        const [diagnostic] = await diagnostics(file);
        const actions = await codeFixes(file, diagnostic!);
        expect(actions).toEqual([
          {
            fixName: 'memsafe/no-stale-view',
            description: 'Take a fresh view here: `new Uint8Array(wasm.memory.buffer)`.',
            changes: [
              {
                fileName: path(file),
                textChanges: [
                  {
                    start: { line: 14, offset: 3 },
                    end: { line: 14, offset: 7 },
                    newText: 'new Uint8Array(wasm.memory.buffer)',
                  },
                ],
              },
            ],
          },
        ]);
        expect(applied(file, actions[0]!)).toContain('  new Uint8Array(wasm.memory.buffer).set(bytes, ptr);\n');
      }));

    it('offers the exact byte range for `new Uint8Array(buf.buffer)`', () =>
      withLog(async () => {
        const file = 'src/pooled-buffer.ts';
        const [diagnostic] = await diagnostics(file);
        const actions = await codeFixes(file, diagnostic!);
        expect(actions.map(action => action.description)).toEqual([
          'View only the bytes of `buf`: pass `buf.byteOffset` and its length.',
        ]);
        expect(applied(file, actions[0]!)).toContain(
          '  return new Uint8Array(buf.buffer, buf.byteOffset, buf.byteLength);\n',
        );
      }));

    it('offers nothing of its own for another error code at the same range', () =>
      withLog(async () => {
        const file = 'src/buffer-slice.ts';
        const [diagnostic] = await diagnostics(file);
        expect(await codeFixes(file, diagnostic!, [2322])).toEqual([]);
      }));

    it('follows edits: once the fix is typed in, the finding is gone', () =>
      withLog(async () => {
        const file = 'src/buffer-slice.ts';
        const at = locate(source(file), 'slice(0, 4)');
        const change = (insertString: string, length: number) =>
          server.body('change', {
            file: path(file),
            line: at.line,
            offset: at.offset,
            endLine: at.line,
            endOffset: at.offset + length,
            insertString,
          });
        await open(file);
        await change('subarray', 'slice'.length);
        try {
          expect(await diagnostics(file)).toEqual([]);
        } finally {
          await change('slice', 'subarray'.length);
        }
        expect((await diagnostics(file)).map(d => d.code)).toEqual([91012]);
      }));
  });

  describe('"mode": "hover-only"', () => {
    it('reports no memsafe diagnostics', () =>
      withLog(async () => {
        expect(await diagnostics('hover-only/src/wasm-heap.ts')).toEqual([]);
        expect(await diagnostics('hover-only/src/buffer-slice.ts')).toEqual([]);
        // The file belongs to the hover-only project, not to an inferred one: TypeScript's own checks ran.
        const suggestions = await server.body<TsDiagnostic[]>('suggestionDiagnosticsSync', {
          file: path('hover-only/src/buffer-slice.ts'),
        });
        expect(suggestions.map(d => [d.code, d.reportsDeprecated])).toEqual([[6387, true]]);
      }));

    it('still shows the hovers: view, copy and stale', () =>
      withLog(async () => {
        const file = 'hover-only/src/wasm-heap.ts';
        expect((await quickInfo(file, 'wasm.memory.buffer', 'wasm.memory.'.length + 2))?.documentation).toContain(
          'memsafe: view — shares memory with `wasm.memory` (no copy).',
        );
        expect((await quickInfo(file, 'heap.set', 1))?.documentation).toBe(`memsafe: stale — ${STALE}`);
        expect((await quickInfo('hover-only/src/buffer-slice.ts', 'slice(0, 4)', 1))?.documentation).toContain(
          'memsafe: view — shares memory with `packet` (no copy).',
        );
      }));

    it("loads the plugin once per project, with each project's own options", () =>
      withLog(async () => {
        for (const file of ['src/buffer-slice.ts', 'hover-only/src/buffer-slice.ts', 'configured/src/buffer-slice.ts'])
          await open(file);
        const log = readFileSync(logFile, 'utf8');
        expect(log.match(/\[memsafe\] plugin loaded/g)).toHaveLength(3);
        expect(log).not.toMatch(/\[memsafe\] configuration:/);
      }));
  });

  describe('memsafe.config.json', () => {
    it("takes ESLint's rule names and severities from the project's nearest file: a warning, and a rule off", () =>
      withLog(async () => {
        expect((await diagnostics('configured/src/buffer-slice.ts')).map(d => [d.source, d.code, d.category])).toEqual([
          ['memsafe', 91012, 'warning'],
        ]);
        expect(await diagnostics('configured/src/wasm-heap.ts')).toEqual([]);
        // The hover is not a rule: it stays.
        expect(
          (await quickInfo('configured/src/wasm-heap.ts', 'wasm.memory.buffer', 'wasm.memory.'.length + 2))
            ?.documentation,
        ).toContain('memsafe: view —');
      }));

    it('shows a mistake in the configuration in the editor, at the top of the file, and goes on', () =>
      withLog(async () => {
        const shown = (await diagnostics('misconfigured/src/buffer-slice.ts')).map(d => [
          d.code,
          d.category,
          d.start.line,
          d.text,
        ]);
        expect(shown).toEqual([
          [
            91000,
            'warning',
            1,
            'memsafe configuration: "mode" must be "diagnostics" or "hover-only", got "loud". memsafe goes on with the rest of its configuration.',
          ],
          [91000, 'warning', 1, expect.stringContaining('memsafe.config.json: unknown rule "no-such-rule"')],
          [91012, 'warning', 5, expect.stringContaining('(memsafe/no-buffer-slice)')],
        ]);
      }));
  });

  describe('configurePlugin (onConfigurationChanged)', () => {
    // Last: the new configuration applies to every project the plugin serves, for the rest of the session.
    it('applies configuration sent by the editor at run time', () =>
      withLog(async () => {
        const file = 'src/buffer-slice.ts';
        expect((await diagnostics(file)).map(d => [d.code, d.category])).toEqual([[91012, 'error']]);
        await server.body('configurePlugin', {
          pluginName: '@memsafe/ts-plugin',
          configuration: { configFile: path('configured/memsafe.config.json') },
        });
        expect((await diagnostics(file)).map(d => [d.code, d.category])).toEqual([[91012, 'warning']]);
        await server.body('configurePlugin', {
          pluginName: '@memsafe/ts-plugin',
          configuration: { mode: 'hover-only' },
        });
        expect(await diagnostics(file)).toEqual([]);
        expect((await quickInfo(file, 'slice(0, 4)', 1))?.documentation).toContain('memsafe: view —');
      }));
  });

  it('never failed inside the plugin during the session', () => {
    const log = readFileSync(logFile, 'utf8');
    expect(log.split('\n').filter(line => /\[memsafe\].*failed/.test(line))).toEqual([]);
    expect(server.exited).toBeUndefined();
  });
});
