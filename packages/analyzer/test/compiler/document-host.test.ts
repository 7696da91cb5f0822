import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ts from 'typescript';
import { afterAll, describe, expect, it } from 'vitest';
import { classicDocumentHost } from '../../src/compiler/classic/document-host.js';
import { analyze, checks, presetRules, type Finding } from '../../src/index.js';

const GLUE = `declare const wasm: { memory: WebAssembly.Memory; malloc(n: number): number; free(p: number): void };

export function write(bytes: Uint8Array): number {
  const heap = new Uint8Array(wasm.memory.buffer);
  const ptr = wasm.malloc(bytes.length);
  heap.set(bytes, ptr);
  return ptr;
}

export function read(ptr: number, length: number): Uint8Array {
  const view = new Uint8Array(wasm.memory.buffer, ptr, length);
  const copy = view.slice();
  wasm.free(ptr);
  return copy;
}

export function sum(values: readonly number[]): number {
  let total = 0;
  for (const value of values) total += value;
  return total;
}
`;

/** Lines an edit may insert: some make findings, some end them, some are neither. */
const LINES = [
  '  const more = wasm.malloc(8);',
  '  heap[0] = 1;',
  '  // a comment',
  '  const fresh = new Uint8Array(wasm.memory.buffer);',
  '  total += 1;',
  '  view[0] = 2;',
];

/** A tree as kinds and spans, with a check that every node's parent is the node above it. */
function shape(root: ts.Node): string[] {
  const lines: string[] = [];
  const visit = (node: ts.Node, depth: number): void => {
    lines.push(`${'  '.repeat(depth)}${ts.SyntaxKind[node.kind]} ${node.pos}-${node.end}`);
    ts.forEachChild(node, child => {
      if (child.parent !== node) lines.push(`parent of ${ts.SyntaxKind[child.kind]} at ${child.pos} is wrong`);
      visit(child, depth + 1);
    });
  };
  visit(root, 0);
  return lines;
}

/** A finding without what is not part of it (the fix's objects compare as values). */
const seen = (finding: Finding) => ({ ...finding });

describe("memsafe lsp's programs on TypeScript 6", () => {
  const dir = mkdtempSync(join(tmpdir(), 'memsafe-document-host-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('reparse only what an edit changed, and give the tree and findings a fresh parse gives', () => {
    mkdirSync(join(dir, 'src'));
    const tsconfig = join(dir, 'tsconfig.json');
    writeFileSync(
      tsconfig,
      JSON.stringify({ compilerOptions: { strict: true, target: 'es2022', lib: ['es2024', 'dom'], types: [] } }),
    );
    const file = join(dir, 'src', 'glue.ts');
    writeFileSync(file, GLUE);
    const host = classicDocumentHost(ts);
    const rules = presetRules(checks, 'recommended');
    let text = GLUE;
    let seed = 20261203;
    const random = (below: number): number => {
      seed = (seed * 1103515245 + 12345) % 2 ** 31;
      return seed % below;
    };
    const compilerHost = ts.createCompilerHost({}, true);
    const libraries = new Map<string, ts.SourceFile | undefined>();
    let reused = 0;
    let findings = 0;
    let previous: ts.SourceFile | undefined;
    for (let version = 1; version <= 40; version++) {
      // Edits inside function bodies, as typing makes them: a line inserted, an inserted line
      // deleted, or a digit in one changed.
      const lines = text.split('\n');
      const inside = lines.flatMap((_, i) =>
        i > 0 && (lines[i - 1]!.endsWith('{') || lines[i - 1]!.startsWith('  ')) ? [i] : [],
      );
      const inserted = lines.flatMap((line, i) => (LINES.includes(line) ? [i] : []));
      const edit = version === 1 ? -1 : random(3);
      if (edit === 0 && inserted.length > 0) lines.splice(inserted[random(inserted.length)]!, 1);
      else if (edit === 1 && inserted.length > 0) {
        const at = inserted[random(inserted.length)]!;
        lines[at] = lines[at]!.replace(/\d/, digit => String((Number(digit) + 1) % 10));
      } else if (edit >= 0) lines.splice(inside[random(inside.length)]!, 0, LINES[random(LINES.length)]!);
      text = lines.join('\n');
      const program = host.programFor(tsconfig, new Map([[file, { version, text }]]), [file]);
      const edited = program.getSourceFile(file)!;
      const fresh = ts.createProgram([file], program.getCompilerOptions(), {
        ...compilerHost,
        getSourceFile: (name, target) => {
          if (name === file) return ts.createSourceFile(name, text, target, true);
          if (!libraries.has(name)) libraries.set(name, compilerHost.getSourceFile(name, target));
          return libraries.get(name);
        },
      });
      expect(shape(edited)).toEqual(shape(fresh.getSourceFile(file)!));
      const found = analyze({ ts, program, checks, rules, files: [edited] }).map(seen);
      expect(found, `version ${version}:\n${text}`).toEqual(
        analyze({ ts, program: fresh, checks, rules, files: [fresh.getSourceFile(file)!] }).map(seen),
      );
      findings += found.length;
      // A statement the edit did not touch is the same node as before: the parse was incremental.
      if (previous !== undefined && edited.statements[0] === previous.statements[0]) reused += 1;
      previous = edited;
    }
    expect(reused).toBeGreaterThan(30);
    expect(findings).toBeGreaterThan(40);
    host.close();
  });
});
