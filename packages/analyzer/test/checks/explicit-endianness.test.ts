import { describe, expect, it } from 'vitest';
import { applyEdits, findingsOf } from '../support/program.js';

const rule = 'explicit-endianness';
const lint = (code: string, options?: Record<string, unknown>) => findingsOf(rule, { 'file.ts': code }, options);
const everywhere = { requireEverywhere: true };

describe(rule, () => {
  it('flags a multi-byte read without littleEndian where the file reads little-endian, and offers both orders', () => {
    const code =
      'export function header(view: DataView) {\n  const version = view.getUint32(4, true);\n  return version + view.getUint32(8);\n}\n';
    const [finding, ...rest] = lint(code);
    expect(rest).toEqual([]);
    expect(finding).toMatchObject({ line: 3, column: 20, messageId: 'implicitAmongLittle' });
    expect(finding!.message).toBe(
      '`view.getUint32(…)` reads big-endian (no `littleEndian` argument), but line 2 says little-endian. Say which byte order the format uses here.',
    );
    // Which order is right is the author's call: no automatic fix, a suggestion for each.
    expect(finding!.fix).toBeUndefined();
    expect(finding!.suggestions!.map(s => applyEdits(code, s.edits).split('\n')[2])).toEqual([
      '  return version + view.getUint32(8, false);',
      '  return version + view.getUint32(8, true);',
    ]);
  });

  it('leaves a file that only ever uses the default alone, unless told to require the order everywhere, then fixes it by saying big-endian', () => {
    const code = 'export function length(view: DataView) {\n  return view.getUint32(0);\n}\n';
    expect(lint(code)).toEqual([]);
    const [finding, ...rest] = lint(code, everywhere);
    expect(rest).toEqual([]);
    expect(finding).toMatchObject({ line: 2, column: 10, messageId: 'implicitOrder' });
    expect(finding!.message).toBe(
      '`view.getUint32(…)` reads big-endian: it has no `littleEndian` argument. Say which byte order the format uses.',
    );
    expect(applyEdits(code, finding!.fix!)).toContain('return view.getUint32(0, false);');
    expect(finding!.suggestions!.map(s => applyEdits(code, s.edits).split('\n')[1])).toEqual([
      '  return view.getUint32(0, false);',
      '  return view.getUint32(0, true);',
    ]);
  });

  it('flags writes too, and leaves single bytes, explicit orders, magic-number checks, a zero written and other objects alone', () => {
    const code = [
      'declare const other: { getUint32(offset: number): number };',
      'const MAGIC = 0x47475546;',
      'export function f(view: DataView) {',
      '  view.setFloat64(8, 1.5);',
      '  view.getUint8(0);',
      '  view.setInt8(1, -1);',
      '  view.getInt16(2, true);',
      '  view.setBigInt64(16, 1n, true);',
      '  if (view.getUint32(0) !== MAGIC || (view.getUint32(4)) === 0x0d0a1a0a) return 0;',
      '  view.setUint32(20, 0);',
      '  return other.getUint32(0);',
      '}',
    ].join('\n');
    const found = lint(code);
    expect(found.map(f => `${f.line}:${f.messageId}`)).toEqual(['4:implicitAmongLittle']);
    expect(found[0]!.message).toContain(
      'writes big-endian (no `littleEndian` argument), but line 7 says little-endian',
    );
    // Required everywhere, the magic-number checks and the zero written are reported too.
    expect(lint(code, everywhere).map(f => `${f.line}:${f.column}:${f.messageId}`)).toEqual([
      '4:3:implicitOrder',
      '9:7:implicitOrder',
      '9:39:implicitOrder',
      '10:3:implicitOrder',
    ]);
  });

  it('flags one DataView, or one field of this, read in both byte orders, whichever comes second, but not a probe of one offset both ways', () => {
    const code = [
      'export function header(view: DataView) {',
      '  const magic = view.getUint32(0, false);',
      '  const size = view.getUint32(4, true);',
      '  return magic + size;',
      '}',
      'export function trailer(view: DataView) {',
      '  return view.getUint16(0, true) + view.getUint16(2, false);',
      '}',
      'export class Stream {',
      '  constructor(private readonly view: DataView, private pos = 0) {}',
      '  readUi16(): number {',
      '    return this.view.getUint16(this.pos, true);',
      '  }',
      '  readFloat16(): number {',
      '    return this.view.getUint16(this.pos, false);',
      '  }',
      '}',
      'export function version(view: DataView): number {',
      '  const little = view.getUint32(4, true);',
      '  return little & 0xffff ? little : view.getUint32(4, false);',
      '}',
    ].join('\n');
    const findings = lint(code);
    expect(findings.map(f => `${f.line}:${f.messageId}`)).toEqual(['3:mixedOrder', '7:mixedOrder', '15:mixedOrder']);
    expect(findings[1]!.message).toContain('`view` is used big-endian here but little-endian on line 7');
    expect(findings[2]!.message).toContain('`this.view` is used big-endian here but little-endian on line 12');
  });
});
