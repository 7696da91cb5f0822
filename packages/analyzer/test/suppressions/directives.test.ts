import ts from 'typescript';
import { describe, expect, it } from 'vitest';
import { applyDirectives, readDirectives, type Finding } from '../../src/index.js';
import { createNativeProgram, nativeTypeScript } from '../support/native.js';

const source = (text: string) => ts.createSourceFile('/f.ts', text, ts.ScriptTarget.Latest, true);

/** A finding of `rule` at the first `needle` in `text`. */
function finding(
  text: string,
  needle: string,
  rule = 'no-stale-view',
  severity: Finding['severity'] = 'error',
): Finding {
  const start = text.indexOf(needle);
  const before = text.slice(0, start).split('\n');
  return {
    file: '/f.ts',
    start,
    end: start + needle.length,
    line: before.length,
    column: before.at(-1)!.length + 1,
    endLine: before.length,
    endColumn: before.at(-1)!.length + 1 + needle.length,
    rule,
    code: 91001,
    severity,
    messageId: 'm',
    message: 'm',
  };
}

const enabled = new Set(['no-stale-view', 'no-whole-backing-buffer']);

function outcome(text: string, needles: readonly (string | [string, string])[]) {
  const findings = needles.map(n => (typeof n === 'string' ? finding(text, n) : finding(text, n[0], n[1])));
  const result = applyDirectives(ts, source(text), findings, enabled);
  const name = (f: Finding) => text.slice(f.start, f.end);
  return {
    kept: result.kept.map(name),
    suppressed: result.suppressed.map(f => [name(f), f.suppressions]),
    unused: result.unused.map(f => [f.line, f.message, f.fix?.length ?? 0]),
  };
}

describe('eslint-disable comments, read as ESLint reads them', () => {
  it('silences the next line, the same line, and a block, naming the rule with its memsafe/ prefix', () => {
    const text = `// eslint-disable-next-line memsafe/no-stale-view -- the heap was re-read by the caller
heap1[0];
heap2[0]; // eslint-disable-line memsafe/no-stale-view
/* eslint-disable memsafe/no-stale-view */
heap3[0];
/* eslint-enable memsafe/no-stale-view */
heap4[0];
`;
    expect(outcome(text, ['heap1', 'heap2', 'heap3', 'heap4'])).toEqual({
      kept: ['heap4'],
      suppressed: [
        ['heap1', [{ kind: 'directive', justification: 'the heap was re-read by the caller' }]],
        ['heap2', [{ kind: 'directive', justification: '' }]],
        ['heap3', [{ kind: 'directive', justification: '' }]],
      ],
      unused: [],
    });
  });

  it('takes a directive without rules as every rule, and one re-enabled rule out of a disable-all', () => {
    const text = `/* eslint-disable */
a[0];
/* eslint-enable memsafe/no-whole-backing-buffer */
b.buffer;
c[0];
`;
    expect(outcome(text, ['a[0]', ['b.buffer', 'no-whole-backing-buffer'], 'c[0]']).kept).toEqual(['b.buffer']);
  });

  it("leaves other plugins' rules, line comments that say eslint-disable, and text in strings alone", () => {
    const text = `// eslint-disable-next-line no-console, other/rule
a[0];
// eslint-disable
b[0];
const s = '/* eslint-disable */';
c[0];
const t = \`// eslint-disable-next-line memsafe/no-stale-view\`;
d[0];
`;
    expect(outcome(text, ['a[0]', 'b[0]', 'c[0]', 'd[0]']).kept).toEqual(['a[0]', 'b[0]', 'c[0]', 'd[0]']);
    expect(readDirectives(ts, source(text)).map(d => [d.kind, d.rules])).toEqual([
      ['disable-next-line', ['no-console', 'other/rule']],
    ]);
  });

  it('reports a directive that names a memsafe rule it does not need, as ESLint does, with a fix when it names nothing else', () => {
    const text = `// eslint-disable-next-line memsafe/no-stale-view
a.length;
// eslint-disable-next-line memsafe/no-stale-view, no-console
b.length;
// eslint-disable-next-line memsafe/no-implicit-copy
c.length;
// eslint-disable-next-line
d.length;
`;
    expect(outcome(text, []).unused).toEqual([
      [1, "Unused eslint-disable directive (no problems were reported from 'memsafe/no-stale-view').", 1],
      [3, "Unused eslint-disable directive (no problems were reported from 'memsafe/no-stale-view').", 0],
    ]);
  });

  it('ignores a disable-line block comment that spans lines, as ESLint refuses it', () => {
    const text = `a[0]; /* eslint-disable-line
memsafe/no-stale-view */
`;
    expect(outcome(text, ['a[0]']).kept).toEqual(['a[0]']);
  });

  it("reads the same comments from TypeScript 7's trees, which hold no tokens", () => {
    const text = `const empty = { /* eslint-disable memsafe/no-stale-view */ };
const ratio = 4 / /* eslint-enable memsafe/no-stale-view */ 2;
const pattern = /eslint-disable-line no-console/g; // eslint-disable-line memsafe/no-lost-write
const quoted = '/* eslint-disable */', template = \`\${ratio /* eslint-disable memsafe/no-implicit-copy */}// eslint-disable-line\`;
f(a, /* eslint-disable memsafe/no-buffer-slice -- inside the arguments */ b);
type T = { a: 1 /* eslint-enable */ };
// eslint-disable-next-line memsafe/no-stale-view
export {};
`;
    const { program, paths } = createNativeProgram({ 'directives.ts': text });
    const shown = (directives: ReturnType<typeof readDirectives>) =>
      directives.map(
        d => `${d.line}:${d.column} ${d.kind} ${d.rules === 'all' ? 'all' : d.rules.join(',')} ${d.justification}`,
      );
    const classic = shown(readDirectives(ts, source(text)));
    expect(classic).toEqual([
      '1:17 disable memsafe/no-stale-view ',
      '2:19 enable memsafe/no-stale-view ',
      '3:1 disable-line memsafe/no-lost-write ',
      '4:60 disable memsafe/no-implicit-copy ',
      '5:6 disable memsafe/no-buffer-slice inside the arguments',
      '6:17 enable all ',
      '8:1 disable-next-line memsafe/no-stale-view ',
    ]);
    expect(shown(readDirectives(nativeTypeScript, program.getSourceFile(paths[0]!)!))).toEqual(classic);
  });
});
