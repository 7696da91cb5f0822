import ts from 'typescript';
import { describe, expect, it } from 'vitest';
import { analyze, checks, presetRules } from '../src/index.js';
import { guardChecker } from '../src/guarded-checker.js';
import { createProgram } from './support/program.js';

function run(code: string) {
  const { program, paths } = createProgram({ 'deep.ts': code });
  const errors: unknown[] = [];
  analyze({
    ts,
    program,
    checks,
    rules: presetRules(checks, 'all'),
    files: [program.getSourceFile(paths[0]!)!],
    onError: error => errors.push(error),
  });
  return errors;
}

describe('strange code', () => {
  it('survives expressions nested deeper than it interprets, as bundlers chain them', () => {
    // A left-deep chain of 5000 additions: TypeScript parses it without recursion; the
    // interpreter gives the function up past 1000 levels instead of overflowing.
    const chain = `${'s + '.repeat(5000)}s`;
    const code = `declare const memory: WebAssembly.Memory; declare const s: string;\nexport function f() { const v = new Uint8Array(memory.buffer); const t = ${chain}; memory.grow(1); return [t, v]; }\n`;
    expect(run(code)).toEqual([]);
  });

  it('analyses a function the size of a bundle, and gives up on one holding thousands of views', () => {
    const statements = Array.from({ length: 20000 }, (_, i) =>
      i % 5000 === 0
        ? `  const v${i} = new Uint8Array(memory.buffer); v${i}[0] = ${i};`
        : `  memory.grow(0); n += ${i};`,
    );
    const bundle = `declare const memory: WebAssembly.Memory;\nexport function f() {\n  let n = 0;\n${statements.join('\n')}\n  return n;\n}\n`;
    expect(run(bundle)).toEqual([]);
    const views = Array.from(
      { length: 3000 },
      (_, i) => `  const v${i} = new Uint8Array(memory.buffer); memory.grow(0); v${i}[0] = ${i};`,
    ).join('\n');
    expect(run(`declare const memory: WebAssembly.Memory;\nexport function f() {\n${views}\n}\n`)).toEqual([]);
  });

  it('answers "unknown" where the type checker itself throws', () => {
    const { program } = createProgram({ 'a.ts': 'export const a = 1;\n' });
    const checker = program.getTypeChecker();
    const failing = new Proxy(checker, {
      get: (target, property) =>
        property === 'getTypeAtLocation' || property === 'getSymbolAtLocation'
          ? () => {
              throw new RangeError('Maximum call stack size exceeded');
            }
          : (Reflect.get(target, property) as unknown),
    });
    const guarded = guardChecker(failing);
    const node = program.getSourceFile(createProgram({}).paths[0] ?? '') ?? program.getSourceFiles()[0]!;
    expect(guarded.getTypeAtLocation(node)).toBe(checker.getAnyType());
    expect(guarded.getSymbolAtLocation(node)).toBeUndefined();
  });
});
