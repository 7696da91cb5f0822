import ts from 'typescript';
import { describe, expect, it } from 'vitest';
import { analyze, checks, presetRules } from '../src/index.js';
import { MAX_TRACKED } from '../src/flow/interpreter.js';
import { guardChecker } from '../src/guarded-checker.js';
import { createProgram } from './support/program.js';

function run(code: string) {
  const { program, paths } = createProgram({ 'deep.ts': code });
  const errors: unknown[] = [];
  const findings = analyze({
    ts,
    program,
    checks,
    rules: presetRules(checks, 'all'),
    files: [program.getSourceFile(paths[0]!)!],
    onError: error => errors.push(error),
  });
  return { findings, errors };
}

describe('strange code', () => {
  it('survives expressions nested deeper than it interprets, as bundlers chain them', () => {
    // A left-deep chain of 5000 additions: TypeScript parses it without recursion; the
    // interpreter gives the function up past 1000 levels instead of overflowing.
    const chain = `${'s + '.repeat(5000)}s`;
    const code = `declare const memory: WebAssembly.Memory; declare const s: string;\nexport function f() { const v = new Uint8Array(memory.buffer); const t = ${chain}; memory.grow(1); return [t, v]; }\n`;
    const { findings, errors } = run(code);
    expect(errors).toEqual([]);
    expect(findings.map(f => `${f.line}:${f.messageId}`)).toEqual(['2:incomplete']);
  });

  it('analyses a function the size of a bundle', () => {
    const statements = Array.from({ length: 20000 }, (_, i) =>
      i % 5000 === 0
        ? `  const v${i} = new Uint8Array(memory.buffer); memory.grow(0); v${i}[0] = ${i};`
        : `  memory.grow(0); n += ${i};`,
    );
    const bundle = `declare const memory: WebAssembly.Memory;\nexport function f() {\n  let n = 0;\n${statements.join('\n')}\n  return n;\n}\n`;
    const { findings, errors } = run(bundle);
    expect(errors).toEqual([]);
    expect(findings.map(f => `${f.line}:${f.messageId}`)).toEqual([
      '4:staleView',
      '5004:staleView',
      '10004:staleView',
      '15004:staleView',
    ]);
  });

  it('gives up, saying so, on a function that holds more views than it tracks', () => {
    // Just past the limit: each statement copies the tracked state, so the cost grows with its square.
    const views = Array.from(
      { length: MAX_TRACKED + 100 },
      (_, i) => `  const v${i} = new Uint8Array(memory.buffer); memory.grow(0); v${i}[0] = ${i};`,
    ).join('\n');
    const { findings, errors } = run(`declare const memory: WebAssembly.Memory;\nexport function f() {\n${views}\n}\n`);
    expect(errors).toEqual([]);
    // What it found before the limit stands; the notice says the rest of the function was not checked.
    expect(findings[0]?.messageId).toBe('incomplete');
    expect(findings.slice(1).map(f => `${f.line}:${f.messageId}`)).toEqual(
      Array.from({ length: MAX_TRACKED }, (_, i) => `${i + 3}:staleView`),
    );
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
