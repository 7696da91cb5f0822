import ts from 'typescript';
import { describe, expect, it } from 'vitest';
import { identifiersNamed } from '../../src/util/name-index.js';

const file = (text: string) => ts.createSourceFile('a.ts', text, ts.ScriptTarget.Latest, true);

describe('identifiersNamed', () => {
  // `total` in every function, as in a large file of similar functions.
  const source = file(
    Array.from(
      { length: 40 },
      (_, i) => `function f${i}(total: number) {\n  let x = total;\n  total += x;\n  return total * ${i};\n}\n`,
    ).join(''),
  );
  const all = identifiersNamed(ts, source, 'total');
  const inside = (range: { pos: number; end: number }) =>
    all.filter(node => node.pos >= range.pos && node.end <= range.end);

  it('lists every identifier of the name in source order', () => {
    expect(all).toHaveLength(160);
    expect(all.every((node, i) => i === 0 || all[i - 1]!.end <= node.pos)).toBe(true);
  });

  it('within a range, gives the identifiers that lie wholly inside it', () => {
    const bodies = source.statements.filter(ts.isFunctionDeclaration).map(fn => fn.body!);
    for (const body of [bodies[0]!, bodies[17]!, bodies[39]!])
      expect(identifiersNamed(ts, source, 'total', body)).toEqual(inside(body));
    // Ranges that begin or end at an identifier's edges, and inside one.
    const third = all[2]!;
    for (const range of [
      { pos: third.pos, end: third.end },
      { pos: third.pos + 1, end: third.end },
      { pos: third.pos, end: third.end - 1 },
      { pos: 0, end: source.end },
      { pos: source.end, end: source.end },
    ])
      expect(identifiersNamed(ts, source, 'total', range)).toEqual(inside(range));
    expect(identifiersNamed(ts, source, 'total', { pos: third.pos, end: third.end })).toEqual([third]);
  });

  it('gives nothing for a name the file lacks', () => {
    expect(identifiersNamed(ts, source, 'missing', { pos: 0, end: source.end })).toEqual([]);
  });
});
