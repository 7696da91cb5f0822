import type TS from 'typescript';
import { cacheFor } from './cache.js';
import { formatMessage, type Check, type Report } from './check.js';
import { guardChecker } from './guarded-checker.js';
import { position, type Finding, type Severity } from './finding.js';

/** How one rule is configured: its severity and options, as in ESLint. */
export interface RuleSetting {
  readonly severity: Severity | 'off';
  readonly options?: Readonly<Record<string, unknown>>;
}

export type RuleSettings = Readonly<Record<string, RuleSetting>>;

/** Called when a check throws: the analyzer itself never does. */
export type ErrorListener = (error: unknown, check: Check, file: TS.SourceFile) => void;

export interface FileRun {
  readonly ts: typeof TS;
  readonly program: TS.Program;
  readonly sourceFile: TS.SourceFile;
}

/**
 * Runs one check over one file, handing each report to `onReport`. A check that throws on strange
 * code loses its findings for that file and nothing else: the error goes to `onError`.
 */
export function runCheck<M extends string, O>(
  check: Check<M, O>,
  run: FileRun,
  options: Partial<O> | undefined,
  onReport: (report: Report<M>) => void,
  onError?: ErrorListener,
): void {
  if (check.mayApply !== undefined && !check.mayApply(run.sourceFile.text)) return;
  try {
    check.check({
      ts: run.ts,
      program: run.program,
      checker: guardChecker(run.program.getTypeChecker()),
      sourceFile: run.sourceFile,
      options: { ...check.defaultOptions, ...options },
      cache: cacheFor(run.program),
      report: onReport,
    });
  } catch (error) {
    onError?.(error, check as unknown as Check, run.sourceFile);
  }
}

/** A report turned into a located finding with its message text. */
export function toFinding<M extends string>(
  check: Check<M, unknown>,
  severity: Severity,
  sourceFile: TS.SourceFile,
  report: Report<M>,
): Finding {
  const start = report.node.getStart(sourceFile);
  const end = report.node.getEnd();
  const from = position(sourceFile, start);
  const to = position(sourceFile, end);
  return {
    file: sourceFile.fileName,
    start,
    end,
    line: from.line,
    column: from.column,
    endLine: to.line,
    endColumn: to.column,
    rule: check.id,
    code: check.code,
    severity,
    messageId: report.messageId,
    message: formatMessage(check.messages[report.messageId], report.data),
    ...(report.fix === undefined ? {} : { fix: report.fix }),
    ...(report.suggest === undefined
      ? {}
      : {
          suggestions: report.suggest.map(s => ({
            message: formatMessage(check.messages[s.messageId], s.data),
            edits: s.edits,
          })),
        }),
  };
}

/** Runs every enabled check over `files` (default: the program's own, non-declaration files). */
export function analyze(options: {
  readonly ts: typeof TS;
  readonly program: TS.Program;
  readonly checks: readonly Check[];
  readonly rules: RuleSettings;
  readonly files?: readonly TS.SourceFile[];
  readonly onError?: ErrorListener;
}): Finding[] {
  const { ts, program, checks, rules } = options;
  const files =
    options.files ??
    program.getSourceFiles().filter(file => !file.isDeclarationFile && !program.isSourceFileFromExternalLibrary(file));
  const findings: Finding[] = [];
  for (const sourceFile of files) {
    for (const check of checks) {
      const setting = rules[check.id];
      if (setting === undefined || setting.severity === 'off') continue;
      const severity = setting.severity;
      runCheck(
        check,
        { ts, program, sourceFile },
        setting.options,
        report => findings.push(toFinding(check, severity, sourceFile, report)),
        options.onError,
      );
    }
  }
  return findings.sort(compareFindings);
}

/** File by file, then in the order of the text. */
export function compareFindings(a: Finding, b: Finding): number {
  return a.file === b.file ? a.start - b.start : a.file < b.file ? -1 : 1;
}
