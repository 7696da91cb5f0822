import type { Finding } from '../../finding.js';

/** The public JSON shape: `{ file, line, column, endLine, endColumn, rule, severity, message }`, 1-based. */
export function formatJson(findings: readonly Finding[]): string {
  return `${JSON.stringify(
    findings.map(f => ({
      file: f.file,
      line: f.line,
      column: f.column,
      endLine: f.endLine,
      endColumn: f.endColumn,
      rule: f.rule,
      severity: f.severity,
      message: f.message,
    })),
    null,
    2,
  )}\n`;
}
