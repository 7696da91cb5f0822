import { describe, expect, it } from 'vitest';
import { applyEdits, findingsOf } from '../support/program.js';

const rule = 'explicit-endianness';
const lint = (code: string) => findingsOf(rule, { 'file.ts': code });

describe(rule, () => {
  it('flags a multi-byte read without littleEndian, and fixes it by saying big-endian, which it already is', () => {
    const code = 'export function length(view: DataView) {\n  return view.getUint32(0);\n}\n';
    const [finding, ...rest] = lint(code);
    expect(rest).toEqual([]);
    expect(finding).toMatchObject({ line: 2, column: 10, messageId: 'implicitOrder' });
    expect(finding!.message).toBe(
      '`view.getUint32(…)` has no `littleEndian` argument, so it reads big-endian, the opposite of every common CPU and of typed arrays over the same bytes. Say which order the format uses.',
    );
    expect(applyEdits(code, finding!.fix!)).toContain('return view.getUint32(0, false);');
    expect(finding!.suggestions!.map(s => applyEdits(code, s.edits).split('\n')[1])).toEqual(['  return view.getUint32(0, false);', '  return view.getUint32(0, true);']);
  });

  it('flags writes too, and leaves single bytes, explicit orders and other objects alone', () => {
    const code = [
      'declare const other: { getUint32(offset: number): number };',
      'export function f(view: DataView) {',
      '  view.setFloat64(8, 1.5);',
      '  view.getUint8(0);',
      '  view.setInt8(1, -1);',
      '  view.getInt16(2, true);',
      '  view.setBigInt64(16, 1n, true);',
      '  return other.getUint32(0);',
      '}',
    ].join('\n');
    const found = lint(code);
    expect(found.map(f => `${f.line}:${f.messageId}`)).toEqual(['3:implicitOrder']);
    expect(found[0]!.message).toContain('so it writes big-endian');
  });

  it('flags one DataView read in both byte orders, whichever comes second', () => {
    const code = [
      'export function header(view: DataView) {',
      '  const magic = view.getUint32(0, false);',
      '  const size = view.getUint32(4, true);',
      '  return magic + size;',
      '}',
      'export function trailer(view: DataView) {',
      '  return view.getUint16(0, true) + view.getUint16(2, false);',
      '}',
    ].join('\n');
    const findings = lint(code);
    expect(findings.map(f => `${f.line}:${f.messageId}`)).toEqual(['3:mixedOrder', '7:mixedOrder']);
    expect(findings[1]!.message).toContain('`view` is used big-endian here but little-endian on line 7');
  });
});
