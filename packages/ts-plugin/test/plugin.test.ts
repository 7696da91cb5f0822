import ts from 'typescript';
import { describe, expect, it } from 'vitest';
import { rmSync, writeFileSync } from 'node:fs';
import { checks } from '@memsafe/analyzer';
import { configDirectory, createService, ROOT } from './language-service.js';

const HEAP = `interface Exports { memory: WebAssembly.Memory; malloc(n: number): number }
export function write(exports: Exports, bytes: Uint8Array) {
  const heap = new Uint8Array(exports.memory.buffer);
  const ptr = exports.malloc(bytes.length);
  heap.set(bytes, ptr);
  const copy = bytes.slice(0, 4);
  const bad: number = 'not a number';
  return [copy, bad];
}
`;

const at = (text: string, needle: string, offset = 0) => text.indexOf(needle) + offset;

const memsafeDiagnostics = (created: ReturnType<typeof createService>, file = 'heap.ts') =>
  created.service.getSemanticDiagnostics(created.path(file)).filter(d => d.source === 'memsafe');

describe('diagnostics', () => {
  it("appends memsafe findings to TypeScript's own, with source memsafe and the rule's code", () => {
    const { service, path } = createService({ 'heap.ts': HEAP });
    const diagnostics = service.getSemanticDiagnostics(path('heap.ts'));
    expect(diagnostics.map(d => [d.source ?? 'ts', d.code, d.category])).toEqual([
      ['ts', 2322, ts.DiagnosticCategory.Error],
      ['memsafe', 91001, ts.DiagnosticCategory.Error],
    ]);
    const memsafe = diagnostics[1]!;
    expect(memsafe.start).toBe(at(HEAP, 'heap.set'));
    expect(memsafe.length).toBe(4);
    expect(ts.flattenDiagnosticMessageText(memsafe.messageText, '\n')).toMatch(
      /^`heap` may be detached here: `exports\.malloc\(…\)` \(line 4\) .* \(memsafe\/no-stale-view\)\n  Rule page: https:\/\/github\.com\/memsafe\/memsafe\/blob\/main\/docs\/rules\/no-stale-view\.md$/,
    );
  });

  it('takes rule names, severities and options from memsafe.config.json, as the CLI and ESLint do', () => {
    const warned = configDirectory('{ "rules": { "memsafe/no-stale-view": ["warn", { "pureFunctions": [] }] } }');
    expect(
      memsafeDiagnostics(createService({ 'heap.ts': HEAP }, {}, ts, warned.directory)).map(d => d.category),
    ).toEqual([ts.DiagnosticCategory.Warning]);
    const off = configDirectory('{ "rules": { "no-stale-view": "off" } }');
    expect(memsafeDiagnostics(createService({ 'heap.ts': HEAP }, {}, ts, off.directory))).toEqual([]);
    const named = configDirectory('{ "rules": { "no-stale-view": "warn" } }');
    const elsewhere = createService({ 'heap.ts': HEAP }, { configFile: named.file }, ts, off.directory);
    expect(memsafeDiagnostics(elsewhere).map(d => d.category)).toEqual([ts.DiagnosticCategory.Warning]);
  });

  it('reads memsafe.config.json again when it changes, with no restart', () => {
    const { directory, file } = configDirectory('{ "rules": { "no-stale-view": "warn" } }');
    const created = createService({ 'heap.ts': HEAP }, {}, ts, directory);
    expect(memsafeDiagnostics(created).map(d => d.category)).toEqual([ts.DiagnosticCategory.Warning]);
    writeFileSync(file, '{ "rules": { "no-stale-view": "off" } }');
    expect(memsafeDiagnostics(created)).toEqual([]);
    rmSync(file);
    expect(memsafeDiagnostics(created).map(d => d.category)).toEqual([ts.DiagnosticCategory.Error]);
  });

  it('shows a configuration mistake in the editor, and keeps going with the rest', () => {
    const { directory } = configDirectory('{ "rules": { "no-such-rule": "error", "no-stale-view": "warn" } }');
    const created = createService({ 'heap.ts': HEAP }, { mode: 'loud', rules: {} }, ts, directory);
    const shown = memsafeDiagnostics(created).map(d => [
      d.code,
      d.start,
      d.category,
      ts.flattenDiagnosticMessageText(d.messageText, '\n'),
    ]);
    expect(shown).toEqual([
      [
        91000,
        0,
        ts.DiagnosticCategory.Warning,
        'memsafe configuration: "rules" in the plugin entry of tsconfig.json is not read: rules and the preset go in memsafe.config.json, which the CLI and ESLint read too. memsafe goes on with the rest of its configuration.',
      ],
      [
        91000,
        0,
        ts.DiagnosticCategory.Warning,
        'memsafe configuration: "mode" must be "diagnostics" or "hover-only", got "loud". memsafe goes on with the rest of its configuration.',
      ],
      [
        91000,
        0,
        ts.DiagnosticCategory.Warning,
        `memsafe configuration: ${directory}/memsafe.config.json: unknown rule "no-such-rule": memsafe's rules are ${checks.map(c => c.id).join(', ')}. memsafe goes on with the rest of its configuration.`,
      ],
      [
        91001,
        at(HEAP, 'heap.set'),
        ts.DiagnosticCategory.Warning,
        expect.stringContaining('`heap` may be detached here'),
      ],
    ]);
    expect(created.logged).toContain(
      '[memsafe] configuration: "mode" must be "diagnostics" or "hover-only", got "loud"',
    );
  });

  it('honours eslint-disable comments, and offers to remove one that is not needed', () => {
    const silenced = HEAP.replace(
      '  heap.set(bytes, ptr);',
      '  // eslint-disable-next-line memsafe/no-stale-view -- the caller re-reads the heap\n  heap.set(bytes, ptr);',
    ).replace('  const copy =', '  // eslint-disable-next-line memsafe/no-lost-write\n  const copy =');
    const created = createService({ 'heap.ts': silenced });
    const shown = memsafeDiagnostics(created).map(d => [d.code, d.category, d.messageText]);
    expect(shown).toEqual([
      [
        91099,
        ts.DiagnosticCategory.Warning,
        "Unused eslint-disable directive (no problems were reported from 'memsafe/no-lost-write').",
      ],
    ]);
    const start = silenced.indexOf('// eslint-disable-next-line memsafe/no-lost-write');
    const actions = created.service.getCodeFixesAtPosition(created.path('heap.ts'), start, start + 2, [91099], {}, {});
    expect(actions.map(a => [a.description, a.changes[0]!.textChanges])).toEqual([
      [
        'Remove the unused eslint-disable directive.',
        [{ span: { start, length: '// eslint-disable-next-line memsafe/no-lost-write'.length }, newText: '' }],
      ],
    ]);
  });

  it('reports nothing in hover-only mode, for people who see memsafe through ESLint already', () => {
    const { service, path } = createService({ 'heap.ts': HEAP }, { mode: 'hover-only' });
    expect(service.getSemanticDiagnostics(path('heap.ts')).filter(d => d.source === 'memsafe')).toEqual([]);
    expect(
      service
        .getQuickInfoAtPosition(path('heap.ts'), at(HEAP, 'slice(0'))
        ?.documentation?.map(d => d.text)
        .join(''),
    ).toContain('memsafe: copy');
  });

  it('follows edits: the findings are of the current program', () => {
    const created = createService({ 'heap.ts': HEAP });
    const { service, path } = created;
    const edit = (name: string, text: string) => created.edit(name, text);
    edit(
      'heap.ts',
      HEAP.replace('  heap.set(bytes, ptr);\n', '  new Uint8Array(exports.memory.buffer).set(bytes, ptr);\n'),
    );
    expect(service.getSemanticDiagnostics(path('heap.ts')).filter(d => d.source === 'memsafe')).toEqual([]);
  });
});

describe('hovers', () => {
  const { service, path } = createService({
    'heap.ts': HEAP,
    'pool.ts':
      "import { Buffer } from 'node:buffer';\nexport const b = Buffer.from('hi');\nexport const all = new Uint8Array(b.buffer);\n",
  });
  const hover = (file: string, text: string, needle: string, offset = 0) =>
    service
      .getQuickInfoAtPosition(path(file), at(text, needle, offset))
      ?.documentation?.map(d => d.text)
      .join('') ?? '';

  it("says copy or view on a conversion, keeping TypeScript's own quick info", () => {
    const quickInfo = service.getQuickInfoAtPosition(path('heap.ts'), at(HEAP, 'slice(0'));
    expect(ts.displayPartsToString(quickInfo?.displayParts)).toContain('slice');
    expect(hover('heap.ts', HEAP, 'slice(0')).toContain(
      'memsafe: copy — allocates new memory, independent of `bytes`. ⚠ class-dependent.',
    );
    expect(hover('heap.ts', HEAP, 'exports.memory.buffer', 15)).toContain(
      'memsafe: view — shares memory with `exports.memory` (no copy). ⚠ detached-after-grow.',
    );
  });

  it('says why a view is stale', () => {
    expect(hover('heap.ts', HEAP, 'heap.set', 1)).toContain(
      'memsafe: stale — `heap` may be detached here: `exports.malloc(…)` (line 4) allocates in WebAssembly memory, which may grow it. Take a fresh view after it.',
    );
  });

  it('says that x.buffer is the whole backing store, pool included', () => {
    const text =
      "import { Buffer } from 'node:buffer';\nexport const b = Buffer.from('hi');\nexport const all = new Uint8Array(b.buffer);\n";
    expect(hover('pool.ts', text, 'b.buffer', 2)).toContain(
      "memsafe: `b.buffer` is the whole backing store, not b's bytes (it starts at b.byteOffset; a pooled Buffer sits at some offset inside Node's shared pool of 8 KiB, or 64 KiB from Node 24.18 and 26.3).",
    );
  });

  it('says what a call that may grow wasm memory does to the views made before it', () => {
    expect(hover('heap.ts', HEAP, 'exports.malloc', 'exports.'.length + 1)).toContain(
      'memsafe: invalidates — this call allocates in WebAssembly memory, which may grow it: views made before it may no longer be usable.',
    );
  });

  it('adds nothing where there is no conversion', () => {
    expect(hover('heap.ts', HEAP, 'ptr =')).not.toContain('memsafe');
  });
});

describe('code fixes', () => {
  it("registers the rule codes and offers the engine's fixes and suggestions as code actions", () => {
    const code = "import { Buffer } from 'node:buffer';\nexport const head = (b: Buffer) => b.slice(0, 4);\n";
    const { directory } = configDirectory('{ "preset": "all" }');
    const { service, path } = createService({ 'slice.ts': code }, {}, ts, directory);
    expect(service.getSupportedCodeFixes(path('slice.ts'))).toEqual(
      expect.arrayContaining(['91001', '91002', '91003', '91004', '91012']),
    );
    const start = at(code, 'b.slice');
    const actions = service.getCodeFixesAtPosition(path('slice.ts'), start, start + 5, [91012], {}, {});
    expect(actions.map(a => a.fixName)).toEqual(['memsafe/no-buffer-slice']);
    expect(actions[0]!.description).toBe('Use `subarray()` (the same view, not deprecated).');
    expect(actions[0]!.changes[0]!.textChanges).toEqual([
      { span: { start: at(code, 'slice(0'), length: 5 }, newText: 'subarray' },
    ]);
    expect(service.getCodeFixesAtPosition(path('slice.ts'), start, start + 5, [2322], {}, {})).toEqual([]);
  });
});

describe('code fixes for editors that ask without a file', () => {
  it("lists memsafe's codes in TypeScript's own registry, which tsserver answers from", () => {
    createService({ 'a.ts': 'export {};\n' });
    const registry = (ts as unknown as { codefix: { getSupportedErrorCodes(): readonly string[] } }).codefix;
    expect(registry.getSupportedErrorCodes()).toEqual(
      expect.arrayContaining(['91001', '91002', '91003', '91004', '91012']),
    );
  });
});

describe('settings from the editor', () => {
  it("refine the project's tsconfig entry instead of replacing it", () => {
    const { file } = configDirectory('{ "rules": { "no-stale-view": "warn" } }');
    const created = createService({ 'heap.ts': HEAP }, { mode: 'hover-only' }, ts, ROOT);
    created.plugin.onConfigurationChanged!({ configFile: file });
    expect(memsafeDiagnostics(created)).toEqual([]);
    created.plugin.onConfigurationChanged!({ mode: 'diagnostics' });
    expect(memsafeDiagnostics(created).map(d => d.category)).toEqual([ts.DiagnosticCategory.Warning]);
  });
});

describe('robustness', () => {
  it('answers as TypeScript would, and logs, when a check fails', () => {
    const { service, path, logged, original } = createService({ 'heap.ts': HEAP });
    const program = original.getProgram()!;
    Object.defineProperty(program, 'getTypeChecker', {
      value: () => {
        throw new Error('checker exploded');
      },
    });
    expect(service.getSemanticDiagnostics(path('heap.ts')).map(d => d.code)).toEqual([2322]);
    expect(
      logged.some(
        line => line.startsWith('[memsafe] memsafe/no-stale-view failed on') && line.includes('checker exploded'),
      ),
    ).toBe(true);
  });

  it('answers as TypeScript would, and logs, when the plugin itself fails', () => {
    const { service, path, logged, original } = createService({ 'heap.ts': HEAP });
    Object.defineProperty(original, 'getProgram', {
      value: () => {
        throw new Error('no program');
      },
    });
    expect(service.getSemanticDiagnostics(path('heap.ts')).map(d => d.code)).toEqual([2322]);
    expect(service.getQuickInfoAtPosition(path('heap.ts'), at(HEAP, 'slice'))?.displayParts).toBeDefined();
    expect(service.getCodeFixesAtPosition(path('heap.ts'), 0, 1, [91001], {}, {})).toEqual([]);
    expect(logged.filter(line => line.includes('failed, answering without memsafe: Error: no program')).length).toBe(3);
  });

  it('never wraps a language service twice', () => {
    const { plugin, info, service } = createService({ 'heap.ts': HEAP });
    expect(plugin.create(info)).toBe(service);
    expect(plugin.create({ ...info, languageService: service })).toBe(service);
  });

  it('uses the TypeScript module tsserver hands it', () => {
    const used = new Set<string | symbol>();
    const injected = new Proxy(ts, {
      get: (target, property) => (used.add(property), Reflect.get(target, property) as unknown),
    });
    const { service, path } = createService({ 'heap.ts': HEAP }, {}, injected);
    service.getSemanticDiagnostics(path('heap.ts'));
    expect(used.has('DiagnosticCategory')).toBe(true);
    expect(used.has('isNewExpression')).toBe(true);
  });
});
