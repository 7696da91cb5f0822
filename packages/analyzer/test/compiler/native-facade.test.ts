import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';
import { createNativeProgram, nativeTypeScript as native } from '../support/native.js';

const SOURCE = `
export abstract class Codec<T> extends Base implements Encoder {
  static readonly size = 4;
  #heap: Uint8Array | undefined;
  constructor(private readonly wasm: Exports, public name: string, plain: number, override readonly id = 1) {
    super();
  }
  protected abstract encode(input: T): number;
  async *frames(): AsyncGenerator<number> { yield 1; }
  get heap(): Uint8Array { return (this.#heap ??= new Uint8Array(this.wasm.memory.buffer)); }
  set heap(value) { this.#heap = value; }
  declare accessor flag: boolean;
}
declare const Base: new () => object;
interface Encoder { encode?(input: unknown): number; readonly size: number; (x: number): void; new (): Encoder; [key: string]: unknown }
interface Exports { memory: WebAssembly.Memory }
export default function f({ a, b: [c] }: { a: number; b: number[] }, ...rest: number[]): void {
  const x = 1, { y } = { y: 2 };
  let z = <number>x satisfies number;
  var w = \`t\${z}\` + 'u' + \`v\`;
  for (let i = 0; i < 3; i++) z += i;
  for (const k in rest) z += Number(k);
  for (const v of rest) z += v;
  while (z > 0) z--;
  do { z++; } while (z < 0);
  label: for (;;) { break label; }
  const g = function named() { return w; }, h = async (p: number) => p as number;
  switch (z) { case 1: break; default: }
  try { throw new Error(); } catch { } finally { }
  void [a, c, y, g, h, typeof z, delete (rest as any)[0], !z, z!, ...rest];
}
export const enum E { A = 1 }
declare module 'm' { export type T = string | number; }
`;

/** The node tests the analyzer's source calls (`ts.isIdentifier(…)`), read from the source itself. */
function nodeTestsUsed(): string[] {
  const src = fileURLToPath(new URL('../../src', import.meta.url));
  const used = new Set<string>();
  for (const file of readdirSync(src, { recursive: true, encoding: 'utf8' }))
    if (file.endsWith('.ts') && !file.endsWith('.generated.ts'))
      for (const [, name] of readFileSync(join(src, file), 'utf8').matchAll(/\bts\.(is[A-Z]\w*)\(/g)) used.add(name!);
  return [...used].sort();
}

/** Every node of a tree, in `forEachChild` order. */
function nodesOf(compiler: typeof ts, root: ts.Node): ts.Node[] {
  const nodes: ts.Node[] = [];
  const visit = (node: ts.Node): void => {
    nodes.push(node);
    compiler.forEachChild(node, visit);
  };
  visit(root);
  return nodes;
}

describe("the TypeScript 7 facade answers as TypeScript 6's API", () => {
  const classic = ts.createSourceFile('/facade.ts', SOURCE, ts.ScriptTarget.ES2022, true);
  const { program, paths } = createNativeProgram({ 'facade.ts': SOURCE });
  const seven = program.getSourceFile(paths[0]!)!;
  const pairs = nodesOf(ts, classic).map((node, index) => [node, nodesOf(native, seven)[index]!] as const);

  it('walks the same tree', () => {
    expect(nodesOf(native, seven).length).toBe(pairs.length);
    for (const [six, sevenNode] of pairs) expect(sevenNode.getText()).toBe(six.getText());
  });

  it('gives every node test the checks use the same answer', () => {
    const tests = nodeTestsUsed();
    expect(tests.length).toBeGreaterThan(80);
    for (const name of tests) {
      // A second argument of `true` for the tests that take one (isIterationStatement looks into labels).
      const six = (ts as unknown as Record<string, (node: ts.Node, flag: boolean) => unknown>)[name]!;
      const sevenTest = (native as unknown as Record<string, (node: ts.Node, flag: boolean) => unknown>)[name]!;
      for (const [a, b] of pairs)
        expect({ name, text: a.getText(), is: Boolean(sevenTest(b, true)) }).toEqual({
          name,
          text: a.getText(),
          is: Boolean(six(a, true)),
        });
    }
  });

  it('combines node and modifier flags, and finds parameter properties, as TypeScript 6 does', () => {
    const nodeFlags = ['Const', 'Let', 'Using'] as const;
    const modifierFlags = [
      'Export',
      'Ambient',
      'Default',
      'Const',
      'Public',
      'Private',
      'Protected',
      'Readonly',
      'Override',
      'Abstract',
      'Async',
      'Static',
      'Accessor',
    ] as const;
    for (const [six, sevenNode] of pairs) {
      const text = six.getText();
      for (const flag of nodeFlags)
        expect({ text, flag, set: (native.getCombinedNodeFlags(sevenNode) & native.NodeFlags[flag]) !== 0 }).toEqual({
          text,
          flag,
          set: (ts.getCombinedNodeFlags(six) & ts.NodeFlags[flag]) !== 0,
        });
      if (ts.canHaveModifiers(six) || ts.isVariableDeclaration(six) || ts.isBindingElement(six))
        for (const flag of modifierFlags)
          expect({
            text,
            flag,
            set: (native.getCombinedModifierFlags(sevenNode as ts.Declaration) & native.ModifierFlags[flag]) !== 0,
          }).toEqual({
            text,
            flag,
            set: (ts.getCombinedModifierFlags(six as ts.Declaration) & ts.ModifierFlags[flag]) !== 0,
          });
      if (six.parent !== undefined)
        expect({ text, property: native.isParameterPropertyDeclaration(sevenNode, sevenNode.parent) }).toEqual({
          text,
          property: ts.isParameterPropertyDeclaration(six, six.parent),
        });
      expect(native.findAncestor(sevenNode, native.isBlock)?.getText()).toBe(
        ts.findAncestor(six, ts.isBlock)?.getText(),
      );
    }
  });
});
