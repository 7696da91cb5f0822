import type TS from 'typescript';
import type { Finding, Suppression } from '../finding.js';
import { position } from '../finding.js';
import { readDirectives, type Directive } from './directives.js';

/** The id under which unused directives are reported; not a rule, as in ESLint (whose reports carry no rule). */
export const UNUSED_DIRECTIVE = 'unused-disable-directive';
/** Its tsserver code, beside the rules' 91001…. */
export const UNUSED_DIRECTIVE_CODE = 91099;

export interface DirectiveOutcome {
  /** The findings no directive covers. */
  readonly kept: Finding[];
  /** The findings a directive covers, each with the directive's description. */
  readonly suppressed: Finding[];
  /** One report per memsafe rule a directive names and covers no finding of (rules that ran only). */
  readonly unused: Finding[];
}

/**
 * Applies a file's `eslint-disable…` comments to its findings as ESLint does, so that a comment
 * written for ESLint silences the CLI, SARIF and the editor alike. `enabled` is the set of rule ids
 * that ran: a directive for a rule that was off is not called unused, since another run may turn it on.
 */
export function applyDirectives(
  ts: typeof TS,
  sourceFile: TS.SourceFile,
  findings: readonly Finding[],
  enabled: ReadonlySet<string>,
  unusedSeverity: Finding['severity'] | 'off' = 'warn',
): DirectiveOutcome {
  if (!/eslint-(?:disable|enable)/.test(sourceFile.text)) return { kept: [...findings], suppressed: [], unused: [] };
  const directives = readDirectives(ts, sourceFile);
  const used = new Map<Directive, Set<string>>();
  const kept: Finding[] = [];
  const suppressed: Finding[] = [];
  for (const finding of findings) {
    const directive = coveringDirective(directives, finding);
    if (directive === undefined) {
      kept.push(finding);
      continue;
    }
    (used.get(directive) ?? used.set(directive, new Set()).get(directive)!).add(finding.rule);
    const suppression: Suppression = { kind: 'directive', justification: directive.justification };
    suppressed.push({ ...finding, suppressions: [suppression] });
  }
  const unused = unusedSeverity === 'off' ? [] : unusedReports(sourceFile, directives, used, enabled, unusedSeverity);
  return { kept, suppressed, unused };
}

const named = (directive: Directive, rule: string): boolean =>
  directive.rules === 'all' || directive.rules.includes(`memsafe/${rule}`);

/** The directive that silences `finding`: a line directive on its line, else the disable in force there. */
function coveringDirective(directives: readonly Directive[], finding: Finding): Directive | undefined {
  const onLine = directives.find(
    d =>
      (d.kind === 'disable-line' || d.kind === 'disable-next-line') &&
      d.line === finding.line &&
      named(d, finding.rule),
  );
  if (onLine !== undefined) return onLine;
  let all: Directive | undefined;
  const byRule = new Map<string, Directive>();
  const reEnabled = new Set<string>();
  for (const d of directives) {
    if (d.kind !== 'disable' && d.kind !== 'enable') continue;
    if (d.line > finding.line || (d.line === finding.line && d.column > finding.column)) break;
    if (d.rules === 'all') {
      all = d.kind === 'disable' ? d : undefined;
      byRule.clear();
      reEnabled.clear();
      continue;
    }
    for (const rule of d.rules) {
      if (d.kind === 'disable') {
        byRule.set(rule, d);
        reEnabled.delete(rule);
      } else {
        byRule.delete(rule);
        if (all !== undefined) reEnabled.add(rule);
      }
    }
  }
  const rule = `memsafe/${finding.rule}`;
  return byRule.get(rule) ?? (all !== undefined && !reEnabled.has(rule) ? all : undefined);
}

function unusedReports(
  sourceFile: TS.SourceFile,
  directives: readonly Directive[],
  used: ReadonlyMap<Directive, ReadonlySet<string>>,
  enabled: ReadonlySet<string>,
  severity: Finding['severity'],
): Finding[] {
  const reports: Finding[] = [];
  for (const directive of directives) {
    if (directive.kind === 'enable' || directive.rules === 'all') continue;
    const unusedRules = directive.rules.filter(
      rule => rule.startsWith('memsafe/') && enabled.has(rule.slice(8)) && !used.get(directive)?.has(rule.slice(8)),
    );
    // Removing the comment is safe only when it names nothing else.
    const removable = unusedRules.length === directive.rules.length;
    for (const rule of unusedRules) {
      const from = position(sourceFile, directive.start);
      const to = position(sourceFile, directive.end);
      reports.push({
        file: sourceFile.fileName,
        start: directive.start,
        end: directive.end,
        line: from.line,
        column: from.column,
        endLine: to.line,
        endColumn: to.column,
        rule: UNUSED_DIRECTIVE,
        code: UNUSED_DIRECTIVE_CODE,
        severity,
        messageId: 'unusedDirective',
        message: `Unused eslint-disable directive (no problems were reported from '${rule}').`,
        ...(removable && directive.rules.length === 1 ? removal(directive) : {}),
      });
    }
  }
  return reports;
}

/** Deleting the comment, as ESLint's fix for an unused directive does: an autofix, and the editor's quick fix. */
function removal(directive: Directive): Pick<Finding, 'fix' | 'suggestions'> {
  const edits = [{ start: directive.start, end: directive.end, newText: '' }];
  return { fix: edits, suggestions: [{ message: 'Remove the unused eslint-disable directive.', edits }] };
}
