import ts from 'typescript';
import { describe, expect, it } from 'vitest';
import { parseJsonc } from '../../src/util/jsonc.js';

/** TypeScript's own reading of a tsconfig-style text: the value, or the first error where it is. */
function typescriptReads(text: string) {
  const json = ts.parseJsonText('x.json', text);
  const errors: ts.Diagnostic[] = [...((json as { parseDiagnostics?: ts.Diagnostic[] }).parseDiagnostics ?? [])];
  const value: unknown = ts.convertToObject(json, errors);
  if (errors.length === 0) return { value };
  const { line, character } = json.getLineAndCharacterOfPosition(errors[0]!.start ?? 0);
  return { error: ts.flattenDiagnosticMessageText(errors[0]!.messageText, ' '), line: line + 1, column: character + 1 };
}

describe('parseJsonc', () => {
  it('reads what TypeScript reads from a tsconfig: comments, trailing commas, every JSON value', () => {
    for (const text of [
      '{}',
      '{ "a": 1, "b": [true, false, null, -1.5e3, "x\\"y"], }',
      '// a comment\n{ /* inline */ "preset": "strict", "rules": { "no-stale-view": ["warn", { "checkAwait": false },], }, }\n',
      '[1, 2, 3,]',
      '"text"',
    ])
      expect(parseJsonc(text)).toEqual(typescriptReads(text));
  });

  it('keeps a "__proto__" key as a key, where TypeScript makes it the prototype', () => {
    const read = parseJsonc('{ "__proto__": { "polluted": true } }') as { value: object };
    expect(Object.getPrototypeOf(read.value)).toBe(Object.prototype);
    expect(Object.keys(read.value)).toEqual(['__proto__']);
  });

  it('says where the text stops being JSON, as TypeScript words it', () => {
    expect(parseJsonc('{ "rules": { "no-stale-view": "warn" } ')).toEqual(
      typescriptReads('{ "rules": { "no-stale-view": "warn" } '),
    );
    expect(parseJsonc('{ "a": 1 "b": 2 }')).toEqual({ error: "'}' expected.", line: 1, column: 10 });
    expect(parseJsonc('{\n  "a": \n}')).toEqual({ error: 'Value expected.', line: 3, column: 1 });
    expect(parseJsonc('{ a: 1 }')).toEqual({ error: 'Property name expected.', line: 1, column: 3 });
    expect(parseJsonc('{} x')).toEqual({ error: 'End of file expected.', line: 1, column: 4 });
    expect(parseJsonc('{} /* open')).toEqual({ error: "'*/' expected.", line: 1, column: 11 });
  });
});
