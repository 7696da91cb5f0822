import ts from 'typescript';
import { describe, expect, it } from 'vitest';
import { isUnsharedLocalConst } from '../../src/memory/unshared-locals.js';

/** Whether each `const` of `text` that holds a view is one no other function can reach, by name. */
function unshared(text: string): Record<string, boolean> {
  const source = ts.createSourceFile('a.ts', text, ts.ScriptTarget.Latest, true);
  const escapes = new Map<ts.Node, readonly ts.Node[]>();
  const found: Record<string, boolean> = {};
  const visit = (node: ts.Node): void => {
    if (ts.isVariableDeclaration(node) && ts.isIdentifier(node.name))
      found[node.name.text] = isUnsharedLocalConst(
        ts,
        source,
        node as ts.VariableDeclaration & { name: ts.Identifier },
        escapes,
      );
    ts.forEachChild(node, visit);
  };
  visit(source);
  return found;
}

describe('isUnsharedLocalConst', () => {
  it('holds for a const of a function that only that function reads', () => {
    expect(
      unshared(
        [
          'function f(memory: WebAssembly.Memory) {',
          '  const heap = new Uint8Array(memory.buffer);',
          '  const heap2 = heap.subarray(1);',
          '  heap[0] = heap2.length;',
          '  return heap2;',
          '}',
        ].join('\n'),
      ),
    ).toEqual({ heap: true, heap2: false });
  });

  it('fails where a function inside names it, a return mentions it, or it is no const of a function', () => {
    expect(
      unshared(
        [
          'const kept = new Uint8Array(8);',
          'function f(memory: WebAssembly.Memory) {',
          '  const captured = new Uint8Array(memory.buffer);',
          '  const returned = new Uint8Array(memory.buffer);',
          '  const inClass = new Uint8Array(memory.buffer);',
          '  let changing = new Uint8Array(memory.buffer);',
          '  setTimeout(() => captured[0]);',
          '  class C { read() { return inClass[0]; } }',
          '  return { returned, changing, c: new C() };',
          '}',
        ].join('\n'),
      ),
    ).toEqual({ kept: false, captured: false, returned: false, inClass: false, changing: false });
  });

  it('reads names as whole identifiers: `$heap`, `heap_` and `heapΩ` are other names', () => {
    expect(
      unshared(
        [
          'function f(memory: WebAssembly.Memory) {',
          '  const heap = new Uint8Array(memory.buffer);',
          '  const later = () => [$heap, heap_, heapΩ];',
          '  heap[0] = later().length;',
          '}',
        ].join('\n'),
      ),
    ).toMatchObject({ heap: true });
  });

  it('takes whitespace beyond ASCII for what it is: `return heap\u00a0;` returns `heap`', () => {
    expect(
      unshared(
        [
          'function f(memory: WebAssembly.Memory) {',
          '  const heap = new Uint8Array(memory.buffer);',
          '  return heap\u00a0;',
          '}',
        ].join('\n'),
      ),
    ).toEqual({ heap: false });
  });
});
