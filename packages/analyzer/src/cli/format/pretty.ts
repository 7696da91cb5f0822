import { relative } from 'node:path';
import type { Finding } from '../../finding.js';
import type { Palette } from '../colors.js';
import { UNUSED_DIRECTIVE } from '../../suppressions/index.js';
import { codeFrame } from './code-frame.js';

/** Findings as a person reads them: location, severity, message, the code, the suggested fix. */
export function formatPretty(
  findings: readonly Finding[],
  readText: (file: string) => string,
  cwd: string,
  colors: Palette,
): string {
  if (findings.length === 0) return `${colors.green('✔')} memsafe found no problems.\n`;
  const blocks = findings.map(finding => {
    const where = `${relative(cwd, finding.file)}:${finding.line}:${finding.column}`;
    const level = finding.severity === 'error' ? colors.red('error') : colors.yellow('warning');
    // An unused directive is not a rule's finding, as in ESLint's own output.
    const rule = finding.rule === UNUSED_DIRECTIVE ? '' : ` ${colors.dim(`memsafe/${finding.rule}`)}`;
    const head = `${colors.bold(where)} ${level} ${finding.message}${rule}`;
    const frame = codeFrame(
      readText(finding.file),
      finding.line,
      finding.column,
      finding.endLine,
      finding.endColumn,
      colors,
    );
    const fixes = finding.suggestions?.map(s => `  ${colors.cyan('suggestion:')} ${s.message}`) ?? [];
    return [head, frame, ...fixes].join('\n');
  });
  const errors = findings.filter(f => f.severity === 'error').length;
  const warnings = findings.length - errors;
  const summary = `${colors.red('✖')} ${findings.length} problem${findings.length === 1 ? '' : 's'} (${errors} error${errors === 1 ? '' : 's'}, ${warnings} warning${warnings === 1 ? '' : 's'})`;
  return `${blocks.join('\n\n')}\n\n${summary}\n`;
}
