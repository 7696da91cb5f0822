import ts from 'typescript';
import { describe, expect, it } from 'vitest';
import { nodesOfKinds, walk } from '../../src/util/syntax.js';

/** Pre-order by recursion, the reference: fine for files shallow enough not to overflow. */
function preOrder(root: ts.Node, skip: (node: ts.Node) => boolean = () => false): ts.Node[] {
  const out: ts.Node[] = [];
  const visit = (node: ts.Node): void => {
    out.push(node);
    if (!skip(node)) ts.forEachChild(node, visit);
  };
  ts.forEachChild(root, visit);
  return out;
}

function walked(root: ts.Node, skip: (node: ts.Node) => boolean = () => false): ts.Node[] {
  const out: ts.Node[] = [];
  walk(ts, root, node => {
    out.push(node);
    return !skip(node);
  });
  return out;
}

const file = (text: string) => ts.createSourceFile('a.ts', text, ts.ScriptTarget.Latest, true);

describe('walk', () => {
  const code =
    'class A { m(x: number) { return [x, { y: x + 1 }]; } }\nfunction f() { const v = new Uint8Array(8); v.subarray(1).fill(0); }\n';

  it('visits every node below a file, in source order, and the same again when asked again', () => {
    const sourceFile = file(code);
    expect(walked(sourceFile)).toEqual(preOrder(sourceFile));
    expect(walked(sourceFile)).toEqual(preOrder(sourceFile));
  });

  it('skips the children of a node its visitor returns false for, below a file or a node', () => {
    const sourceFile = file(code);
    const skip = (node: ts.Node) => ts.isFunctionLike(node);
    expect(walked(sourceFile, skip)).toEqual(preOrder(sourceFile, skip));
    const klass = sourceFile.statements[0]!;
    expect(walked(klass, skip)).toEqual(preOrder(klass, skip));
    expect(walked(sourceFile, skip).some(node => ts.isReturnStatement(node))).toBe(false);
  });

  it('lists a file nested deeper than recursion goes, in order', () => {
    // A left-deep chain: each `+` one level deeper than the last.
    const sourceFile = file(`const s = 1;\nconst t = ${'s + '.repeat(5000)}s;\nconst u = 2;\n`);
    const nodes = walked(sourceFile);
    // The same nodes as the explicit-stack walk from each statement, statement first.
    const expected = sourceFile.statements
      .flatMap(statement => [statement, ...walked(statement)])
      .concat(sourceFile.endOfFileToken);
    expect(nodes).toEqual(expected);
    expect(nodes.filter(node => ts.isBinaryExpression(node))).toHaveLength(5000);
    const last = nodes.findLast(node => ts.isNumericLiteral(node));
    expect(last?.getText(sourceFile)).toBe('2');
  });
});

describe('nodesOfKinds', () => {
  it('lists the nodes of the kinds asked, in source order, as a walk that keeps only those would', () => {
    const sourceFile = file(
      'const a = new Uint8Array(f(1));\nfunction g() { a.set(new Uint8Array(2), h()); return new DataView(a.buffer); }\n',
    );
    const kinds = [ts.SyntaxKind.NewExpression, ts.SyntaxKind.CallExpression];
    const expected = preOrder(sourceFile).filter(node => kinds.includes(node.kind));
    expect(expected.map(node => node.getText(sourceFile))).toEqual([
      'new Uint8Array(f(1))',
      'f(1)',
      'a.set(new Uint8Array(2), h())',
      'new Uint8Array(2)',
      'h()',
      'new DataView(a.buffer)',
    ]);
    expect(nodesOfKinds(ts, sourceFile, kinds)).toEqual(expected);
    expect(nodesOfKinds(ts, sourceFile, [ts.SyntaxKind.CallExpression])).toEqual(expected.filter(ts.isCallExpression));
    expect(nodesOfKinds(ts, sourceFile, [ts.SyntaxKind.ClassDeclaration])).toEqual([]);
  });
});
