import { CONFIG_PROBLEM_CODE, docsUrl, UNUSED_DIRECTIVE, type Finding } from '@memsafe/analyzer';
import type TS from 'typescript';

/**
 * A finding as tsserver shows it: `source: "memsafe"`, the rule's stable code, its severity, and on a
 * line of its own the rule's page. A diagnostic has no field for a link that every editor shows, but
 * every editor shows the message, and makes a URL in it clickable.
 */
export function toDiagnostic(ts: typeof TS, sourceFile: TS.SourceFile, finding: Finding): TS.Diagnostic {
  const category = finding.severity === 'error' ? ts.DiagnosticCategory.Error : ts.DiagnosticCategory.Warning;
  const messageText: TS.DiagnosticMessageChain | string =
    finding.rule === UNUSED_DIRECTIVE
      ? finding.message
      : {
          messageText: `${finding.message} (memsafe/${finding.rule})`,
          category,
          code: finding.code,
          next: [{ messageText: `Rule page: ${docsUrl(finding.rule)}`, category, code: finding.code }],
        };
  return {
    file: sourceFile,
    start: finding.start,
    length: finding.end - finding.start,
    messageText,
    category,
    code: finding.code,
    source: 'memsafe',
  };
}

/** A mistake in memsafe's configuration, shown at the top of each file it affects. */
export function configDiagnostic(ts: typeof TS, sourceFile: TS.SourceFile, problem: string): TS.Diagnostic {
  return {
    file: sourceFile,
    start: 0,
    length: 0,
    messageText: `memsafe configuration: ${problem}. memsafe goes on with the rest of its configuration.`,
    category: ts.DiagnosticCategory.Warning,
    code: CONFIG_PROBLEM_CODE,
    source: 'memsafe',
  };
}
