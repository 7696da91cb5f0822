import type { Finding } from '@memsafe/analyzer';
import type TS from 'typescript';

/** A finding as tsserver shows it: `source: "memsafe"`, the rule's stable code, its severity. */
export function toDiagnostic(ts: typeof TS, sourceFile: TS.SourceFile, finding: Finding): TS.Diagnostic {
  return {
    file: sourceFile,
    start: finding.start,
    length: finding.end - finding.start,
    messageText: `${finding.message} (memsafe/${finding.rule})`,
    category: finding.severity === 'error' ? ts.DiagnosticCategory.Error : ts.DiagnosticCategory.Warning,
    code: finding.code,
    source: 'memsafe',
  };
}
