import type { Palette } from '../colors.js';

/**
 * The lines around a range with line numbers and a marker under the range, as compilers print
 * them. Lines and columns are 1-based; a range over several lines is marked on its first line.
 */
export function codeFrame(
  text: string,
  line: number,
  column: number,
  endLine: number,
  endColumn: number,
  colors: Palette,
  context = 2,
): string {
  const lines = text.split(/\r?\n/);
  const first = Math.max(1, line - context);
  const last = Math.min(lines.length, line + context);
  const width = String(last).length;
  const out: string[] = [];
  for (let n = first; n <= last; n++) {
    const source = (lines[n - 1] ?? '').replace(/\t/g, '  ');
    const gutter = `${String(n).padStart(width)} |`;
    if (n === line) {
      out.push(`${colors.red('>')} ${colors.dim(gutter)} ${source}`);
      const length = Math.max(1, (endLine === line ? endColumn : source.length + 1) - column);
      const lead = (lines[n - 1] ?? '')
        .slice(0, column - 1)
        .replace(/[^\t]/g, ' ')
        .replace(/\t/g, '  ');
      out.push(`  ${' '.repeat(width)} ${colors.dim('|')} ${lead}${colors.red('^'.repeat(length))}`);
    } else {
      out.push(`  ${colors.dim(gutter)} ${source}`);
    }
  }
  return out.join('\n');
}
